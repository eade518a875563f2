import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { QualificationRenewal } from './qualification-renewal.entity';
import {
  DecideQualificationRenewalInput,
  ProposeQualificationRenewalInput,
  QualificationRenewalType,
  RejectQualificationRenewalInput,
} from './qualification-renewal.types';
import { StoredFileType } from './qualification.types';

@Resolver(() => QualificationRenewalType)
export class QualificationRenewalResolver {
  /** The owner proposes a renewal of one of his company's documents; then PUTs its scan to /files/qualifications/<id>. */
  @Can('qualification.proposeRenewal')
  @Mutation(() => QualificationRenewalType)
  proposeQualificationRenewal(
    @Arg('input') input: ProposeQualificationRenewalInput,
    @Ctx() ctx: GqlContext,
  ): Promise<QualificationRenewal> {
    return ctx.services.qualificationRenewals.propose(requireScope(ctx), input);
  }

  /** The brand approves: the proposal (with its scan) becomes the current document. */
  @Can('qualification.approveRenewal')
  @Mutation(() => QualificationRenewalType)
  approveQualificationRenewal(
    @Arg('input') input: DecideQualificationRenewalInput,
    @Ctx() ctx: GqlContext,
  ): Promise<QualificationRenewal> {
    return ctx.services.qualificationRenewals.approve(requireScope(ctx), input);
  }

  @Can('qualification.approveRenewal')
  @Mutation(() => QualificationRenewalType)
  rejectQualificationRenewal(
    @Arg('input') input: RejectQualificationRenewalInput,
    @Ctx() ctx: GqlContext,
  ): Promise<QualificationRenewal> {
    return ctx.services.qualificationRenewals.reject(requireScope(ctx), input);
  }

  /** The new scan, once uploaded (PUT /files/qualifications/<renewal id>). */
  @FieldResolver(() => StoredFileType, { nullable: true })
  file(@Root() r: QualificationRenewal): StoredFileType | null {
    return r.fileName && r.fileMime && r.fileSize !== null
      ? { name: r.fileName, mime: r.fileMime, size: r.fileSize, url: `/files/qualifications/${r.id}` }
      : null;
  }
}
