import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { Qualification } from './qualification.entity';
import {
  AddQualificationInput,
  ExpiringQualificationFilter,
  ExpiryWarningType,
  QualificationDocType,
  StoredFileType,
} from './qualification.types';
import { expiryWarning } from './qualification.service';
import { Can } from '../../auth/can';
import { QualificationRenewal } from './qualification-renewal.entity';
import { QualificationRenewalType } from './qualification-renewal.types';

@Resolver(() => QualificationDocType)
export class QualificationResolver {
  /** Documents expiring within `withinDays` (or expired): the 60/30/7-day warnings. */
  @Authorized()
  @Query(() => [QualificationDocType], {
    description:
      'Documents expired or expiring within withinDays of today (China), soonest first, at most 200; one renewed by a later document of the same kind is left out',
  })
  expiringQualifications(
    @Arg('withinDays', () => Int, { defaultValue: 60 }) withinDays: number,
    @Arg('filter', () => ExpiringQualificationFilter, { nullable: true })
    filter: ExpiringQualificationFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<Qualification[]> {
    return ctx.services.qualifications.expiring(requireScope(ctx), Math.min(Math.max(withinDays, 0), 366), filter);
  }

  /** The brand's channel staff, or the distributor's owner for their own company. */
  @Can('qualification.upload')
  @Mutation(() => QualificationDocType)
  addQualification(@Arg('input') input: AddQualificationInput, @Ctx() ctx: GqlContext): Promise<Qualification> {
    return ctx.services.qualifications.add(requireScope(ctx), input);
  }

  @FieldResolver(() => ExpiryWarningType)
  expiry(@Root() q: Qualification): ExpiryWarningType {
    return expiryWarning(q.validTo);
  }

  /** The scanned document, once uploaded (PUT /files/qualifications/:id). */
  @FieldResolver(() => StoredFileType, { nullable: true })
  file(@Root() q: Qualification): StoredFileType | null {
    return q.fileName && q.fileMime && q.fileSize !== null
      ? { name: q.fileName, mime: q.fileMime, size: q.fileSize, url: `/files/qualifications/${q.id}` }
      : null;
  }

  @FieldResolver(() => QualificationRenewalType, {
    nullable: true,
    description: 'The latest renewal the owner proposed for this document (pending, rejected or approved)',
  })
  latestRenewal(@Root() q: Qualification, @Ctx() ctx: GqlContext): Promise<QualificationRenewal | null> {
    return loadersOf(ctx).latestRenewalByQualificationId.load(q.id);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() q: Qualification, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(q.distributorId);
  }
}
