import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { StoredFileFields } from '../../common/stored-file.types';
import { DisputeAttachment, StatementDispute } from './finance.entity';
import { StatementDisputeType } from './finance.types';

/** The URL an attachment of a dispute is downloaded from (with the session cookie). */
export const disputeAttachmentUrl = (id: string) => `/files/dispute-attachments/${id}`;

@ObjectType('DisputeAttachment', { description: 'Evidence the owner attached to his dispute of a line' })
class DisputeAttachmentType extends StoredFileFields {
  @Field()
  createdAt: Date;
}

@Resolver(() => DisputeAttachmentType)
export class DisputeAttachmentResolver {
  @FieldResolver(() => String, { description: 'GET it with the session cookie' })
  url(@Root() a: DisputeAttachment): string {
    return disputeAttachmentUrl(a.id);
  }
}

/** A dispute's evidence, for whoever may read its statement. */
@Resolver(() => StatementDisputeType)
export class DisputeEvidenceResolver {
  @FieldResolver(() => [DisputeAttachmentType], {
    description: 'Photos and documents the owner attached, oldest first',
  })
  attachments(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<DisputeAttachment[]> {
    return loadersOf(ctx).attachmentsByDisputeId.load(d.id);
  }
}
