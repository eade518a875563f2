import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, requireScope } from '../../context';
import { ImportJob } from './import.entity';
import { ImportJobType } from './import.types';

const IMPORTERS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

@Resolver(() => ImportJobType)
export class ImportResolver {
  private view(job: ImportJob, ctx: GqlContext): ImportJobType {
    return {
      id: job.id, kind: job.kind, fileName: job.fileName, status: job.status, totalRows: job.totalRows, errorCount: job.errorCount,
      errors: job.errors, hospitals: job.summary.hospitals ?? 0, departments: job.summary.departments ?? 0, distributors: job.summary.distributors ?? 0,
      progress: ctx.services.imports.progressOf(job.id),
    };
  }

  /** An upload's preview, and the progress of its commit. Uploads go to POST /files/imports/{hospitals,distributors}. */
  @Authorized(...IMPORTERS)
  @Query(() => ImportJobType)
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<ImportJobType> {
    return this.view(await ctx.services.imports.get(requireScope(ctx), id), ctx);
  }

  /** Writes every previewed row or none; committing again changes nothing. */
  @Authorized(...IMPORTERS)
  @Mutation(() => ImportJobType)
  async commitImport(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<ImportJobType> {
    return this.view(await ctx.services.imports.commit(requireScope(ctx), id), ctx);
  }
}
