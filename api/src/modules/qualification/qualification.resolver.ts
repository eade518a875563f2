import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { DistributorType } from '../distributor/distributor.types';
import { Distributor } from '../distributor/distributor.entity';
import { Qualification } from './qualification.entity';
import { AddQualificationInput, ExpiryWarningType, QualificationDocType, StoredFileType } from './qualification.types';
import { expiryWarning } from './qualification.service';

@Resolver(() => QualificationDocType)
export class QualificationResolver {
  /** Documents expiring within `withinDays` (or expired): the 60/30/7-day warnings. */
  @Authorized()
  @Query(() => [QualificationDocType])
  expiringQualifications(
    @Arg('withinDays', () => Int, { defaultValue: 60 }) withinDays: number,
    @Ctx() ctx: GqlContext,
  ): Promise<Qualification[]> {
    return ctx.services.qualifications.expiring(requireScope(ctx), Math.min(Math.max(withinDays, 0), 366));
  }

  /** The brand's channel staff, or the distributor's owner for their own company. */
  @Authorized(Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.OWNER)
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

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() q: Qualification, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(q.distributorId);
  }
}
