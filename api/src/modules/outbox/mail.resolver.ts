import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { Can } from '../../auth/can';
import { MailMessage } from './mail.entity';
import { MailMessageConnection, MailMessageType } from './mail.types';

@Resolver(() => MailMessageType)
export class MailResolver {
  /** The brand's e-mail, newest first: what was sent, and while no SMTP server is set, what it said. */
  @Can('mail.read')
  @Query(() => MailMessageConnection)
  mailMessages(@Args() page: PageArgs, @Ctx() ctx: GqlContext): Promise<Page<MailMessage>> {
    return ctx.services.mail.list(requireScope(ctx), page);
  }
}
