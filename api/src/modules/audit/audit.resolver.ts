import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { AuditLog } from '../../common/audit';
import { Page, PageArgs } from '../../common/pagination';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Distributor, DistributorType } from '../distributor';
import { User } from '../user';
import { AuditChangeType, AuditEntryConnection, AuditEntryType, AuditFilter, AuditPersonType } from './audit.types';
import { changesOf } from './audit.service';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Can('audit.read')
  @Query(() => AuditEntryConnection, {
    description:
      'The audit trail in the viewer’s scope, newest first: an admin the brand’s, a regional head his regions’, an owner his company’s',
  })
  auditLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<AuditLog>> {
    return ctx.services.audit.list(requireScope(ctx), page, filter);
  }

  @FieldResolver(() => AuditPersonType, {
    nullable: true,
    description: 'Who acted; none when the viewer may not know them (the side still says which)',
  })
  actor(@Root() a: AuditLog, @Ctx() ctx: GqlContext): Promise<User | null> | null {
    return a.actorId ? loadersOf(ctx).userById.load(a.actorId) : null;
  }

  @FieldResolver(() => DistributorType, { nullable: true, description: 'The distributor whose record it is' })
  distributor(@Root() a: AuditLog, @Ctx() ctx: GqlContext): Promise<Distributor | null> | null {
    return a.distributorId ? loadersOf(ctx).distributorById.load(a.distributorId) : null;
  }

  @FieldResolver(() => [AuditChangeType], { description: 'Before → after, field by field' })
  changes(@Root() a: AuditLog, @Ctx() ctx: GqlContext): AuditChangeType[] {
    return changesOf(requireScope(ctx), a.changes);
  }
}
