import { DataSource } from 'typeorm';
import { Role, rolesForAny } from '@medchannel/shared-schema';
import { SeedUser, USERS } from '../../db/seed/demo-data';
import { OperationCase } from '../../../test/isolation/types';

/** Spreadsheet imports: a job, and committing it. */

/** An empty previewed import of the persona's own, of a kind its role imports (or of another user, for the foreign calls). */
async function importFor(ds: DataSource, user: SeedUser): Promise<string> {
  const kind = user.role === Role.FINANCE ? 'PAYMENTS' : 'HOSPITALS';
  const [row] = await ds.query(
    `INSERT INTO import_job (brand_id, created_by, kind, status, total_rows, error_count, payload, summary)
     VALUES ($1, $2, $3, 'PREVIEWED', 0, 0, '[]'::jsonb, '{}'::jsonb) RETURNING id`,
    [user.brandId, user.id, kind],
  );
  return row.id;
}

export const IMPORT_OPERATIONS: Record<string, OperationCase> = {
  importJob: {
    allowed: rolesForAny(['import.hospitals', 'import.distributors', 'import.payments', 'import.invoices']),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { importJob(id: $id) { id status errorCount errors { row } } }`,
      variables: { id: await importFor(ds, user) },
    }),
    foreign: async ({ user, ds }) => [
      {
        query: `query($id: ID!) { importJob(id: $id) { id } }`,
        variables: {
          id: await importFor(
            ds,
            USERS.find((x) => x.brandId !== user.brandId && x.role === Role.ADMIN)!,
          ),
        },
      },
    ],
  },
  commitImport: {
    allowed: rolesForAny(['import.hospitals', 'import.distributors', 'import.payments', 'import.invoices']),
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!) { commitImport(id: $id) { id status } }`,
      variables: { id: await importFor(ds, user) },
    }),
    foreign: async ({ user, ds }) => [
      {
        query: `mutation($id: ID!) { commitImport(id: $id) { id } }`,
        variables: {
          id: await importFor(
            ds,
            USERS.find((x) => x.brandId !== user.brandId && x.role === Role.ADMIN)!,
          ),
        },
      },
    ],
    mutates: true,
  },
};
