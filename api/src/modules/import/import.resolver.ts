import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { ImportJob } from './import.entity';
import { ImportJobType } from './import.types';
import { IMPORTERS } from './import.service';
import { Can } from '../../auth/can';

@Resolver(() => ImportJobType)
export class ImportResolver {
  private view(job: ImportJob, ctx: GqlContext): ImportJobType {
    return {
      id: job.id,
      kind: job.kind,
      fileName: job.fileName,
      status: job.status,
      totalRows: job.totalRows,
      errorCount: job.errorCount,
      errors: job.errors,
      hospitals: job.summary.hospitals ?? 0,
      departments: job.summary.departments ?? 0,
      distributors: job.summary.distributors ?? 0,
      payments: job.summary.payments ?? 0,
      invoices: job.summary.invoices ?? 0,
      prices: job.summary.prices ?? 0,
      unchanged: job.summary.unchanged ?? 0,
      progress: ctx.services.imports.progressOf(job.id),
    };
  }

  /** An upload's preview, and the progress of its commit. Uploads go to POST /files/imports/{hospitals,distributors,payments,invoices,prices}. */
  @Can(...Object.values(IMPORTERS))
  @Query(() => ImportJobType)
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<ImportJobType> {
    return this.view(await ctx.services.imports.get(requireScope(ctx), id), ctx);
  }

  /** Writes every previewed row or none; committing again changes nothing. */
  @Can(...Object.values(IMPORTERS))
  @Mutation(() => ImportJobType)
  async commitImport(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<ImportJobType> {
    return this.view(await ctx.services.imports.commit(requireScope(ctx), id), ctx);
  }
}
