import { rolesFor } from '@medchannel/shared-schema';
import { BRANDS, type SeedUser } from '../../db/seed/demo-data';
import { foreignDistributors } from '../../../test/personas';
import type { Call, OperationCase } from '../../../test/isolation/types';
import { failedJob, poolOf } from './jobs.test-kit';

const RUN = `id queue state createdAt startedAt finishedAt retryCount retryLimit brandJob error errorWithheld retryable`;
const RETRY = `mutation($id: ID!) { retryJob(id: $id) { ${RUN} } }`;
const LIST = `{ jobRuns(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${RUN} } } }`;

/** Another brand's distributor, named in a foreign job's data and failure, so that a leak shows as a foreign name. */
const otherBrandDistributor = (user: SeedUser) => foreignDistributors(user).find((d) => d.brandId !== user.brandId)!;
const otherBrand = (user: SeedUser) => Object.values(BRANDS).find((b) => b.id !== user.brandId)!;

/**
 * The job queue: the brand's admins only. Another brand's run (its data names that brand) is
 * neither listed nor retried (NOT_FOUND); a platform run naming another brand's distributor in its
 * failure is listed without the message.
 */
export const JOBS_OPERATIONS: Record<string, OperationCase> = {
  jobQueues: {
    allowed: rolesFor('jobs.read'),
    own: () => ({ query: `{ jobQueues { name since created retry active completed failed } }` }),
  },
  jobRuns: {
    allowed: rolesFor('jobs.read'),
    own: () => ({ query: LIST }),
    foreign: async ({ user, ds }) => {
      const d = otherBrandDistributor(user);
      await failedJob(poolOf(ds), {
        data: { brandId: otherBrand(user).id, distributorId: d.id },
        message: `${d.name} ${d.code} failed`,
      });
      await failedJob(poolOf(ds), { data: { distributorId: d.id }, message: `${d.name} ${d.code} failed` });
      return [{ query: LIST, expect: 'LISTED' }];
    },
  },
  retryJob: {
    allowed: rolesFor('jobs.retry'),
    own: async ({ user, ds }) => ({
      query: RETRY,
      variables: { id: await failedJob(poolOf(ds), { data: { brandId: user.brandId }, message: 'own run failed' }) },
    }),
    foreign: async ({ user, ds }): Promise<Call[]> => {
      const d = otherBrandDistributor(user);
      const id = await failedJob(poolOf(ds), {
        data: { brandId: otherBrand(user).id, distributorId: d.id },
        message: `${d.name} failed`,
      });
      return [{ query: RETRY, variables: { id } }];
    },
    mutates: true,
  },
};
