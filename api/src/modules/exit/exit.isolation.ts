import { randomUUID } from 'node:crypto';
import { Side, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import { distributorByCode } from '../../db/seed/demo-data';
import { today } from '../../common/dates';
import { foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { cloneOf, foreignPlans, ownClone, planOn, stockOn } from '../../../test/isolation/exit-fixtures';

/** 劝退: exit plans, their orders, returns, hand-over, final statement and the owner's acknowledgement. */

const PLAN = `id effectiveOn sellOutUntil reason authorizationsRevoked handedOverAt settledAt acknowledgedAt createdAt
  distributor { id name } successor { id name } steps { step done }
  orders { id number status total { amount } decision decisionReason }
  returns { id occurredOn amount { amount } creditId lines { lineNo productName batchNo serialNo quantity unitPrice { amount } amount { amount } } }
  handovers { kind recordId label } account { balance { amount } credited { amount } finalBalance { amount } }
  belowFloor { totalCount nodes { movementId hospitalName productName batchNo occurredOn quantity unitPrice { amount } floor { amount } gap { amount } } }`;

const foreignById = (mutation: (id: string) => string) =>
  (async ({ user, ds }) =>
    (await foreignPlans(ds, user)).map((p) => ({ query: mutation(p), variables: { p } }))) as OperationCase['foreign'];

export const EXIT_OPERATIONS: Record<string, OperationCase> = {
  exitPlans: {
    allowed: rolesFor('exit.read'),
    own: async ({ user, ds }) => {
      await planOn(ds, await ownClone(ds, user));
      return {
        query: `{ exitPlans(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id effectiveOn distributor { id name } successor { id name } } } }`,
      };
    },
  },
  exitPlan: {
    allowed: rolesFor('exit.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { exitPlan(id: $id) { ${PLAN} } }`,
      variables: { id: await planOn(ds, await ownClone(ds, user)) },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignPlans(ds, user)).map((id) => ({
        query: `query($id: ID!) { exitPlan(id: $id) { id reason } }`,
        variables: { id },
      })),
  },
  myExitPlan: {
    allowed: rolesFor('exit.acknowledge'),
    own: () => ({ query: `{ myExitPlan { ${PLAN} } }` }),
  },
  startExitPlan: {
    allowed: rolesFor('exit.manage'),
    own: async ({ user, ds }) => {
      const distributorId = await ownClone(ds, user);
      return {
        query: `mutation($i: StartExitPlanInput!) { startExitPlan(input: $i) { ${PLAN} } }`,
        variables: {
          i: {
            distributorId,
            successorId: await ownClone(ds, user),
            effectiveOn: today(),
            reason: '矩阵劝退',
            idempotencyKey: randomUUID(),
          },
        },
      };
    },
    foreign: ({ user }) =>
      foreignDistributors(user)
        .slice(0, 3)
        .map((d) => ({
          query: `mutation($i: StartExitPlanInput!) { startExitPlan(input: $i) { id } }`,
          variables: {
            i: { distributorId: d.id, effectiveOn: today(), reason: '越界劝退', idempotencyKey: randomUUID() },
          },
        })),
    mutates: true,
  },
  decideExitOrder: {
    allowed: rolesFor('exit.manage'),
    own: async ({ user, ds }) => {
      const distributorId = await ownClone(ds, user);
      const planId = await planOn(ds, distributorId);
      const [order] = await ds.query(
        `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
         SELECT brand_id, id, $2, 'STOCK', $3, 'SUBMITTED', 'CNY', '10.00', '0.00', gen_random_uuid(), repeat('0', 64) FROM distributor WHERE id = $1
         RETURNING id`,
        [distributorId, `X${randomUUID().slice(0, 12)}`, user.id],
      );
      return {
        query: `mutation($i: DecideExitOrderInput!) { decideExitOrder(input: $i) { id orders { id status decision } } }`,
        variables: { i: { planId, orderId: order.id, decision: 'CANCEL', reason: '矩阵取消' } },
      };
    },
    foreign: async ({ user, ds }) =>
      (await foreignPlans(ds, user)).map((planId) => ({
        query: `mutation($i: DecideExitOrderInput!) { decideExitOrder(input: $i) { id } }`,
        variables: { i: { planId, orderId: randomUUID(), decision: 'FINISH', reason: '越界' } },
      })),
    mutates: true,
  },
  recordExitReturn: {
    allowed: rolesFor('exit.manage'),
    own: async ({ user, ds }) => {
      const distributorId = await ownClone(ds, user);
      const planId = await planOn(ds, distributorId);
      const productId = await stockOn(ds, distributorId, user.brandId, 3);
      return {
        query: `mutation($i: RecordExitReturnInput!) { recordExitReturn(input: $i) { ${PLAN} } }`,
        variables: {
          i: {
            planId,
            lines: [{ productId, batchNo: 'RB1', quantity: 2, unitPrice: '12.50' }],
            idempotencyKey: randomUUID(),
          },
        },
      };
    },
    foreign: async ({ user, ds }) =>
      Promise.all(
        (await foreignPlans(ds, user)).map(async (planId) => {
          const [p] = await ds.query(`SELECT distributor_id, brand_id FROM exit_plan WHERE id = $1`, [planId]);
          const productId = await stockOn(ds, p.distributor_id, p.brand_id, 3);
          return {
            query: `mutation($i: RecordExitReturnInput!) { recordExitReturn(input: $i) { id } }`,
            variables: {
              i: {
                planId,
                lines: [{ productId, batchNo: 'RB1', quantity: 1, unitPrice: '1.00' }],
                idempotencyKey: randomUUID(),
              },
            },
          };
        }),
      ),
    mutates: true,
  },
  handOverExit: {
    allowed: rolesFor('exit.manage'),
    own: async ({ user, ds }) => {
      const successorId = await ownClone(ds, user);
      return {
        query: `mutation($p: ID!) { handOverExit(planId: $p) { ${PLAN} } }`,
        variables: { p: await planOn(ds, await ownClone(ds, user), { successorId }) },
      };
    },
    foreign: foreignById(() => `mutation($p: ID!) { handOverExit(planId: $p) { id } }`),
    mutates: true,
  },
  settleExit: {
    allowed: rolesFor('exit.settle'),
    own: async ({ user, ds }) => ({
      query: `mutation($p: ID!) { settleExit(planId: $p) { ${PLAN} } }`,
      variables: { p: await planOn(ds, await ownClone(ds, user)) },
    }),
    foreign: foreignById(() => `mutation($p: ID!) { settleExit(planId: $p) { id } }`),
    mutates: true,
  },
  acknowledgeExit: {
    allowed: rolesFor('exit.acknowledge'),
    // the owner's own company, settled (far in the future, so its orders still go through)
    own: async ({ user, ds }) => {
      const own =
        sideOfRole(user.role) === Side.PARTNER && user.distributorCode
          ? distributorByCode(user.distributorCode).id
          : await cloneOf(ds, foreignDistributors(user)[0]);
      return {
        query: `mutation($p: ID!) { acknowledgeExit(planId: $p) { id acknowledgedAt steps { step done } } }`,
        variables: { p: await planOn(ds, own, { settled: true }) },
      };
    },
    foreign: foreignById(() => `mutation($p: ID!) { acknowledgeExit(planId: $p) { id } }`),
    mutates: true,
  },
};
