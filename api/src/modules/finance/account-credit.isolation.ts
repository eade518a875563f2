import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { SeedDistributor, USERS } from '../../db/seed/demo-data';
import { today } from '../../common/dates';
import { foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { firstDistributor } from '../../../test/isolation/fixtures';

/** 折让 / 返利: posting one, and the list of them. */

/** A credit of a distributor, written straight to the table (its poster: someone of the brand). */
async function creditOf(ds: DataSource, d: SeedDistributor, reason: string): Promise<void> {
  const poster = USERS.find((u) => u.brandId === d.brandId)!;
  await ds.query(
    `INSERT INTO account_credit (brand_id, distributor_id, kind, amount, currency, occurred_on, reason, created_by, request_key, request_hash)
     VALUES ($1, $2, 'CREDIT_NOTE', '1.00', 'CNY', CURRENT_DATE, $3, $4, $5, repeat('0', 64))`,
    [d.brandId, d.id, reason, poster.id, randomUUID()],
  );
}

const CREDIT_FIELDS = `id kind occurredOn reason createdAt amount { amount currency } distributor { id name } postedBy { id displayName }`;

export const ACCOUNT_CREDIT_OPERATIONS: Record<string, OperationCase> = {
  accountCredits: {
    allowed: rolesFor('finance.read'),
    own: async ({ user, ds }) => {
      await creditOf(ds, firstDistributor(user), '矩阵折让');
      return {
        query: `{ accountCredits(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { ${CREDIT_FIELDS} } } }`,
      };
    },
    // a credit of each foreign account exists, and the list aimed at it lists nothing
    foreign: async ({ user, ds }) =>
      Promise.all(
        foreignDistributors(user)
          .slice(0, 3)
          .map(async (d: SeedDistributor) => {
            await creditOf(ds, d, '越界折让');
            return {
              query: `query($d: ID) { accountCredits(first: 20, filter: { distributorId: $d }) { totalCount nodes { id reason distributor { id name } } } }`,
              variables: { d: d.id },
              expect: 'LISTED' as const,
            };
          }),
      ),
  },
  postAccountCredit: {
    allowed: rolesFor('finance.keepAccounts'),
    own: ({ user }) => ({
      query: `mutation($i: PostAccountCreditInput!) { postAccountCredit(input: $i) { id kind amount { amount } occurredOn reason } }`,
      variables: {
        i: {
          distributorId: firstDistributor(user).id,
          kind: 'REBATE',
          amount: '1.00',
          occurredOn: today(),
          reason: '矩阵返利',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      foreignDistributors(user)
        .slice(0, 3)
        .map((d) => ({
          query: `mutation($i: PostAccountCreditInput!) { postAccountCredit(input: $i) { id } }`,
          variables: {
            i: {
              distributorId: d.id,
              kind: 'CREDIT_NOTE',
              amount: '1.00',
              occurredOn: today(),
              reason: '越界折让',
              idempotencyKey: randomUUID(),
            },
          },
        })),
    mutates: true,
  },
};
