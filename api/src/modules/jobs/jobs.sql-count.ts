import type { SqlCountTable } from '../../../test/sql-count-table';
import { failedJob, poolOf } from './jobs.test-kit';

const RUN = `id queue state createdAt startedAt finishedAt retryCount retryLimit brandJob error errorWithheld retryable`;

/** The job runs' list: the count and the page in one statement, whatever the page size. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand }) => {
    for (let i = 0; i < 30; i++) await failedJob(poolOf(ds), { data: { brandId: brand.brandId }, message: `run ${i}` });
  },
  lists: [
    {
      name: 'the job runs (console)',
      as: (brand) => brand.adminEmail,
      max: 3,
      query: `query($n: Int!) { jobRuns(first: $n) { totalCount nodes { ${RUN} } } }`,
    },
  ],
};
