import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, rolesFor } from '@medchannel/shared-schema';
import { BRANDS, REGIONS, SeedUser } from '../../db/seed/demo-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { hospitalFor, notFoundEach } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import {
  departmentOf,
  distributorOf,
  foreignOpportunities,
  lineOf,
  opportunityFor,
} from '../../../test/isolation/opportunity-fixtures';
import { orderableProduct } from '../../../test/isolation/order-fixtures';
import { SEED_PENDING_QUOTE_ID, SEED_TENDER_ID } from './tender.seed';

/** The tender operations: an opportunity's tenders, one tender, the approval queue, and every move on them. */

const TENDER = `id number purchaser status version winner registrationDeadline bidOpeningAt budget { amount currency } orders { id number }
  letters { id project validFrom validTo status products { id name } }
  winningPrice { amount } opportunity { id need } products { productId floorPrice { amount } product { id name } }
  quotes { id status reason decisionNote price { amount } floorPrice { amount } product { id name } requestedBy { id displayName } decidedBy { id } }`;
const QUOTE = `id status reason decisionNote price { amount currency } floorPrice { amount } product { id name }
  tender { id number } requestedBy { id displayName } decidedBy { id }`;

/** The seeded tender's opportunity: 广州粤康's at its TENDER stage. */
const SEEDED_TENDER_OPPORTUNITY = (user: SeedUser) =>
  foreignOpportunities(user).some((o) => o.distributorCode === 'HK-YK' && o.stages.at(-1)?.stage === 'TENDER');

/** The seeded tender, when its opportunity is out of the persona's sight. */
const foreignTenders = (user: SeedUser) => (SEEDED_TENDER_OPPORTUNITY(user) ? [{ id: SEED_TENDER_ID }] : []);

/** The seeded waiting quote, unless the persona decides it: 华康's admin (no head covers 广东 where 粤康 is). */
const regionCovers = (user: SeedUser, code: string) =>
  (user.regionCodes ?? []).some(
    (c) => c === code || REGIONS.find((r) => r.brandId === user.brandId && r.code === code)?.parentCode === c,
  );
const foreignQuotes = (user: SeedUser) =>
  user.brandId === BRANDS.huakang.id && (user.role === Role.ADMIN || regionCovers(user, 'GD-GZ'))
    ? []
    : [{ id: SEED_PENDING_QUOTE_ID }];

/** A product of the line the matrix's opportunities are of (the brand's first line). */
const productFor = (user: SeedUser) => {
  const line = PRODUCT_LINES.find((l) => l.brandId === user.brandId)!;
  return PRODUCTS.find((p) => p.brandId === user.brandId && p.lineCode === line.code)!.id;
};

/** A tender of the matrix's own on an opportunity of the persona, at a status, with one quote of a status when asked. */
async function tenderFor(
  ds: DataSource,
  user: SeedUser,
  status = 'OPEN',
  quote?: 'USABLE' | 'PENDING_APPROVAL',
): Promise<{ tenderId: string; quoteId: string | null }> {
  const o = await opportunityFor(ds, user);
  const [t] = await ds.query(
    `INSERT INTO tender (brand_id, opportunity_id, number, purchaser, budget, currency, registration_deadline, bid_opening_at, status, created_by)
     VALUES ($1, $2, $3, '矩阵医院', '1000.00', 'CNY', CURRENT_DATE + 30, now() + interval '40 days', $4, $5) RETURNING id`,
    [user.brandId, o.id, `矩阵-${randomUUID().slice(0, 8)}`, status, user.id],
  );
  if (!quote) return { tenderId: t.id, quoteId: null };
  const [q] = await ds.query(
    `INSERT INTO tender_quote (brand_id, tender_id, product_id, price, currency, floor_price, status, reason, requested_by)
     VALUES ($1, $2, $3, '10.00', 'CNY', '20.00', $4, '矩阵理由', $5) RETURNING id`,
    [user.brandId, t.id, productFor(user), quote, user.id],
  );
  return { tenderId: t.id, quoteId: q.id };
}

/** A won tender of the persona whose one usable quote is a product the persona's distributor may order, at 1.00. */
async function wonTenderFor(ds: DataSource, user: SeedUser): Promise<{ tenderId: string; productId: string }> {
  const { tenderId } = await tenderFor(ds, user, 'SUBMITTED');
  const productId = orderableProduct(user).id;
  await ds.query(`UPDATE tender SET status = 'WON', winner = '矩阵经销商', winning_price = '1.00' WHERE id = $1`, [
    tenderId,
  ]);
  await ds.query(
    `INSERT INTO tender_quote (brand_id, tender_id, product_id, price, currency, status, requested_by)
     VALUES ($1, $2, $3, '1.00', 'CNY', 'USABLE', $4)`,
    [user.brandId, tenderId, productId, user.id],
  );
  return { tenderId, productId };
}

/**
 * A tender of the matrix's own a letter may be issued for: the persona's opportunity, of a
 * distributor (the persona's, or the first it sees), at the persona's hospital, where a grant of
 * the matrix's own covers the line.
 */
async function letterTenderFor(ds: DataSource, user: SeedUser): Promise<string> {
  const hospital = hospitalFor(user);
  const distributorId =
    distributorOf(user) ??
    (await ds.query(`SELECT id FROM distributor WHERE brand_id = $1 ORDER BY code LIMIT 1`, [user.brandId]))[0].id;
  const [o] = await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, created_by)
     VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, $6) RETURNING id`,
    [
      user.brandId,
      hospital.id,
      await departmentOf(ds, hospital.id),
      lineOf(user),
      `矩阵授权书 ${randomUUID().slice(0, 8)}`,
      user.id,
      distributorId,
    ],
  );
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 365)`,
    [user.brandId, distributorId, [lineOf(user)], [hospital.id]],
  );
  const [t] = await ds.query(
    `INSERT INTO tender (brand_id, opportunity_id, number, purchaser, budget, currency, registration_deadline, bid_opening_at, status, created_by)
     VALUES ($1, $2, $3, '矩阵医院', '1000.00', 'CNY', CURRENT_DATE + 30, now() + interval '40 days', 'OPEN', $4) RETURNING id`,
    [user.brandId, o.id, `矩阵函-${randomUUID().slice(0, 8)}`, user.id],
  );
  return t.id;
}

const ISSUE_LETTER = `mutation($i: IssueTenderLetterInput!) { issueTenderLetter(input: $i) {
  id project validFrom validTo status createdAt products { id name } } }`;

const PLACE_ORDER = `mutation($i: PlaceTenderOrderInput!) { placeOrderFromTender(input: $i) {
  id number status total { amount } tender { id number status orders { id } } opportunity { id stage } } }`;

const ADD = `mutation($i: AddTenderQuoteInput!) { addTenderQuote(input: $i) { ${QUOTE} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitTender(id: $id, expectedVersion: $v) { ${TENDER} } }`;
const RESULT = `mutation($id: ID!, $i: TenderResultInput!) { recordTenderResult(id: $id, input: $i) { ${TENDER} } }`;
const APPROVE = `mutation($id: ID!, $r: String!) { approveTenderQuote(id: $id, reason: $r) { ${QUOTE} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectTenderQuote(id: $id, reason: $r) { ${QUOTE} } }`;

export const TENDER_OPERATIONS: Record<string, OperationCase> = {
  tenders: {
    allowed: rolesFor('tender.read'),
    own: async ({ user, ds }) => ({
      query: `query($o: ID!) { tenders(opportunityId: $o) { ${TENDER} } }`,
      variables: { o: (await opportunityFor(ds, user)).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignOpportunities(user), (o) => ({
        query: `query($o: ID!) { tenders(opportunityId: $o) { id number } }`,
        variables: { o: o.id },
      })),
  },
  tenderQuotesAwaitingApproval: {
    allowed: rolesFor('tender.approveQuote'),
    own: () => ({
      query: `{ tenderQuotesAwaitingApproval(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${QUOTE} } } }`,
    }),
    foreign: ({ user }) =>
      foreignQuotes(user).map(() => ({
        query: `{ tenderQuotesAwaitingApproval(first: 50) { nodes { id tender { id number } } } }`,
        expect: 'LISTED' as const,
      })),
  },
  createTender: {
    allowed: rolesFor('tender.manage'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: CreateTenderInput!) { createTender(input: $i) { ${TENDER} } }`,
      variables: {
        i: {
          opportunityId: (await opportunityFor(ds, user)).id,
          number: `矩阵-${randomUUID().slice(0, 8)}`,
          purchaser: '矩阵医院',
          budget: '1000.00',
          registrationDeadline: '2030-01-10',
          bidOpeningAt: '2030-01-20T02:00:00.000Z',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignOpportunities(user), (o) => ({
        query: `mutation($i: CreateTenderInput!) { createTender(input: $i) { id } }`,
        variables: {
          i: {
            opportunityId: o.id,
            number: '越界',
            purchaser: '越界',
            budget: '1.00',
            registrationDeadline: '2030-01-10',
            bidOpeningAt: '2030-01-20T02:00:00.000Z',
          },
        },
      })),
    mutates: true,
  },
  addTenderQuote: {
    allowed: rolesFor('tender.manage'),
    own: async ({ user, ds }) => ({
      query: ADD,
      variables: {
        i: {
          tenderId: (await tenderFor(ds, user)).tenderId,
          productId: productFor(user),
          price: '9999999.00',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTenders(user), (t) => ({
        query: ADD,
        variables: { i: { tenderId: t.id, productId: productFor(user), price: '1.00', reason: '越界' } },
      })),
    mutates: true,
  },
  submitTender: {
    allowed: rolesFor('tender.manage'),
    own: async ({ user, ds }) => ({
      query: SUBMIT,
      variables: { id: (await tenderFor(ds, user, 'OPEN', 'USABLE')).tenderId, v: 1 },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTenders(user), (t) => ({ query: SUBMIT, variables: { id: t.id, v: 1 } })),
    mutates: true,
  },
  recordTenderResult: {
    allowed: rolesFor('tender.manage'),
    own: async ({ user, ds }) => ({
      query: RESULT,
      variables: {
        id: (await tenderFor(ds, user, 'SUBMITTED')).tenderId,
        i: { expectedVersion: 1, won: false, winner: '竞争对手', winningPrice: '900.00' },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTenders(user), (t) => ({
        query: RESULT,
        variables: { id: t.id, i: { expectedVersion: 1, won: false, winner: '越界' } },
      })),
    mutates: true,
  },
  approveTenderQuote: {
    allowed: rolesFor('tender.approveQuote'),
    own: async ({ user, ds }) => ({
      query: APPROVE,
      variables: { id: (await tenderFor(ds, user, 'OPEN', 'PENDING_APPROVAL')).quoteId, r: '矩阵同意' },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignQuotes(user), (q) => ({ query: APPROVE, variables: { id: q.id, r: '越界' } })),
    mutates: true,
  },
  rejectTenderQuote: {
    allowed: rolesFor('tender.approveQuote'),
    own: async ({ user, ds }) => ({
      query: REJECT,
      variables: { id: (await tenderFor(ds, user, 'OPEN', 'PENDING_APPROVAL')).quoteId, r: '矩阵驳回' },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignQuotes(user), (q) => ({ query: REJECT, variables: { id: q.id, r: '越界' } })),
    mutates: true,
  },
  placeOrderFromTender: {
    allowed: rolesFor('order.place'),
    own: async ({ user, ds }) => {
      const { tenderId, productId } = await wonTenderFor(ds, user);
      return {
        query: PLACE_ORDER,
        variables: { i: { tenderId, lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignTenders(user), (t) => ({
        query: PLACE_ORDER,
        variables: {
          i: { tenderId: t.id, lines: [{ productId: productFor(user), quantity: 1 }], idempotencyKey: randomUUID() },
        },
      })),
    mutates: true,
  },
  issueTenderLetter: {
    allowed: rolesFor('tender.issueLetter'),
    own: async ({ user, ds }) => ({
      query: ISSUE_LETTER,
      variables: {
        i: {
          tenderId: await letterTenderFor(ds, user),
          productIds: [productFor(user)],
          project: '矩阵项目',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTenders(user), (t) => ({
        query: ISSUE_LETTER,
        variables: { i: { tenderId: t.id, productIds: [productFor(user)], project: '越界' } },
      })),
    mutates: true,
  },
  setFloorPrice: {
    allowed: rolesFor('product.setPrice'),
    own: async ({ user, ds }) => {
      const [p] = await ds.query(
        `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
         SELECT brand_id, product_line_id, $2, '矩阵底价产品', kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price
           FROM product WHERE id = $1 RETURNING id`,
        [productFor(user), `M-${randomUUID().slice(0, 8)}`],
      );
      return {
        query: `mutation($i: SetFloorPriceInput!) { setFloorPrice(input: $i) { id effectiveFrom effectiveTo price { amount currency } } }`,
        variables: { i: { productId: p.id, price: '50.00', effectiveFrom: '2030-01-01' } },
      };
    },
    mutates: true,
  },
};
