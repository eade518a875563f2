import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * A test brand of three distributors with a hand-made first quarter of 2025 for D0 (the owner's),
 * each figure's inputs chosen so that the figure is computed by hand (scorecard.test.ts says how).
 * Tier prices of the kit's class II product: tier 1 80.00, tier 2 90.00, tier 3 95.00.
 */
export const kit = {} as {
  t: TestApp;
  brand: BrandFixture;
  cat: CatalogFixture;
  admin: GqlClient;
  owner: GqlClient;
  adminId: string;
  lineB: string;
  other: BrandFixture;
  otherAdmin: GqlClient;
};

async function client(email: string, audience: Audience): Promise<GqlClient> {
  const c = kit.t.client(audience);
  await c.login(email);
  return c;
}

const CARD = `distributor { id name } year quarter from to asOf tier score weightsVersion upThreshold downThreshold
  indicatedDirection indicatedTier figures { kind value score weight inputs { key subject value } }`;
export const SCORECARD = `query($d: ID, $y: Int!, $q: Int!) { distributorScorecard(distributorId: $d, year: $y, quarter: $q) { ${CARD} } }`;
export const SET_WEIGHTS = `mutation($i: SetScorecardWeightsInput!) { setScorecardWeights(input: $i) { version weights { kind weight } upThreshold downThreshold } }`;
const PROPOSAL = `id year quarter score fromTier toTier direction status effectiveFrom reviewReason distributor { id }`;
export const PROPOSE = `mutation($i: ProposeRetierInput!) { proposeRetier(input: $i) { ${PROPOSAL} } }`;
export const REVIEW = `mutation($id: ID!, $i: ReviewRetierInput!) { reviewRetier(id: $id, input: $i) { ${PROPOSAL} } }`;
export const PROPOSALS = `query($s: RetierStatus) { retierProposals(status: $s) { ${PROPOSAL} } }`;
export const CATALOG = `{ catalog(first: 10) { nodes { product { code } unitPrice { amount } } } }`;

export const weights = (down: string, up = '85', key = randomUUID()) => ({
  weights: [
    { kind: 'ATTAINMENT', weight: 30 },
    { kind: 'COVERAGE', weight: 20 },
    { kind: 'CERTIFIED_REPS', weight: 10 },
    { kind: 'PAYMENT', weight: 20 },
    { kind: 'COMMITMENTS', weight: 10 },
    { kind: 'STOCKTAKE', weight: 10 },
  ],
  upThreshold: up,
  downThreshold: down,
  idempotencyKey: key,
});

async function certificate(userId: string, distributorId: string, lines: string[], issued: string, validTo: string) {
  const ds = kit.t.app.ds;
  const b = kit.brand.brandId;
  const [c] = await ds.query(
    `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, created_by) VALUES ($1, 'PRODUCT', $2, $3, 1, $4) RETURNING id`,
    [b, `课程 ${randomUUID().slice(0, 6)}`, lines, kit.adminId],
  );
  const [v] = await ds.query(
    `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, sections, questions, published_at)
     VALUES ($1, $2, 1, 'PUBLISHED', 'PRODUCT', 'v', $3, 50, 3, 12, '[]', '[]', now()) RETURNING id`,
    [b, c.id, lines],
  );
  const [e] = await ds.query(
    `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, course_version_id, started_at, attempts, passed_at) VALUES ($1, $2, $3, $4, $5, $6, now(), 1, now()) RETURNING id`,
    [b, c.id, userId, distributorId, issued, v.id],
  );
  const [a] = await ds.query(
    `INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, 1, '{}', 100, true, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [b, e.id, userId, v.id],
  );
  await ds.query(
    `INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [b, `SC${randomUUID().slice(0, 10)}`, userId, distributorId, c.id, v.id, a.id, lines, issued, validTo],
  );
}

/** An order of D0 submitted at a moment, one line of the kit's class II product. */
async function order(status: string, submittedAt: string, quantity: number, price: string): Promise<void> {
  const ds = kit.t.app.ds;
  const [o] = await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
     VALUES ($1, $2, $3, 'STOCK', $4, $5, 'CNY', '0.00', '0.00', gen_random_uuid(), repeat('0', 64), $6) RETURNING id`,
    [
      kit.brand.brandId,
      kit.brand.distributorIds[0],
      `SC${randomUUID().slice(0, 12)}`,
      kit.adminId,
      status,
      submittedAt,
    ],
  );
  await ds.query(
    `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, $4, $5, 'CNY')`,
    [kit.brand.brandId, o.id, kit.cat.productII, quantity, price],
  );
}

export async function startKit(): Promise<void> {
  kit.t = await startTestApp();
  const ds = kit.t.app.ds;
  kit.brand = await createBrand(ds, 3);
  kit.cat = await createCatalog(ds, kit.brand);
  const b = kit.brand.brandId;
  const d0 = kit.brand.distributorIds[0];
  [{ id: kit.adminId }] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [kit.brand.adminEmail]);
  const [owner] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [kit.brand.ownerEmail]);
  const [rep] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [d0]);
  [{ id: kit.lineB }] = await ds.query(
    `INSERT INTO product_line (brand_id, code, name) VALUES ($1, 'L2', '第二产品线') RETURNING id`,
    [b],
  );
  // prices by tier
  for (const [tier, price] of [
    [1, '80.00'],
    [2, '90.00'],
    [3, '95.00'],
  ])
    await ds.query(
      `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, $3, $4, '2020-01-01')`,
      [b, kit.cat.productII, tier, price],
    );
  // attainment: an agreed 2025 target of 1000.00 in Q1; 600.00 approved in February; a cancelled
  // February order and an April one do not count
  const [t] = await ds.query(
    `INSERT INTO sales_target (brand_id, distributor_id, product_line_id, year, status, currency, agreed_at, agreed_by, created_by)
     VALUES ($1, $2, $3, 2025, 'AGREED', 'CNY', now(), $4, $4) RETURNING id`,
    [b, d0, kit.cat.lineId, kit.adminId],
  );
  await ds.query(
    `INSERT INTO sales_target_version (brand_id, target_id, number, kind, yearly, q1, q2, q3, q4, currency, created_by, request_key, request_hash)
     VALUES ($1, $2, 1, 'PROPOSAL', '4000.00', '1000.00', '1000.00', '1000.00', '1000.00', 'CNY', $3, gen_random_uuid(), repeat('0', 64))`,
    [b, t.id, kit.adminId],
  );
  await order('APPROVED', '2025-02-10T02:00:00Z', 3, '200.00');
  await order('CANCELLED', '2025-02-11T02:00:00Z', 5, '100.00');
  await order('APPROVED', '2025-04-02T02:00:00Z', 5, '100.00');
  // coverage: the grant covers the province (both hospitals, the city's by its parent) and both lines
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, '2024-01-01', CURRENT_DATE + 300)`,
    [b, d0, [kit.cat.lineId, kit.lineB], [kit.cat.provinceId]],
  );
  // sell-out: to the city's hospital in March; to the province's, reversed
  const move = async (kind: string, quantity: number, on: string, hospital: string | null, reverses?: string) =>
    (
      await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, reverses_id, created_by)
         VALUES ($1, $2, $3, 'B1', $4, $5, $6, $7, $8, $9) RETURNING id`,
        [b, d0, kit.cat.productII, kind, quantity, on, hospital, reverses ?? null, kit.adminId],
      )
    )[0].id as string;
  await move('RECEIVED', 10, '2025-01-05', null);
  await move('SOLD_OUT', -1, '2025-03-05', kit.cat.hospitalInCity);
  const wrong = await move('SOLD_OUT', -1, '2025-03-06', kit.cat.hospitalInProvince);
  await move('REVERSAL', 1, '2025-03-07', kit.cat.hospitalInProvince, wrong);
  // certified reps: line 1 the owner and the rep; line 2 only a certificate lapsed on 2025-02-01
  await certificate(owner.id, d0, [kit.cat.lineId], '2025-01-02', '2026-01-01');
  await certificate(rep.id, d0, [kit.cat.lineId], '2025-01-03', '2026-01-01');
  await certificate(rep.id, d0, [kit.lineB], '2024-02-01', '2025-02-01');
  // payment: 1000.00 due 2025-02-09 and 500.00 due 2025-04-19, 400.00 paid on 2025-02-15
  const entry = async (kind: string, amount: string, on: string, due: string | null) =>
    ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
       VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'test', gen_random_uuid())`,
      [b, d0, kind, amount, on, due],
    );
  await entry('SHIPMENT_RECEIVABLE', '1000.00', '2025-01-10', '2025-02-09');
  await entry('PAYMENT', '-400.00', '2025-02-15', null);
  await entry('SHIPMENT_RECEIVABLE', '500.00', '2025-03-20', '2025-04-19');
  // commitments: a February note with three (one acknowledged), an April note's do not count
  const note = async (on: string, statuses: string[]) => {
    const [n] = await ds.query(
      `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, 'SHARED', $5, '拜访', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [b, kit.adminId, kit.cat.hospitalInCity, d0, on],
    );
    for (const [i, status] of statuses.entries())
      await ds.query(
        `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, status, dispute_reason)
         VALUES ($1, $2, $3, 'SUPPORT', '支持', $4, $5)`,
        [b, n.id, i + 1, status, status === 'DISPUTED' ? '没答应' : null],
      );
  };
  await note('2025-02-20', ['ACKNOWLEDGED', 'DISPUTED', 'OPEN']);
  await note('2025-04-01', ['ACKNOWLEDGED']);
  // stocktake 2025: four stock counts, three matching what the movements derive
  const [campaign] = await ds.query(
    `INSERT INTO stocktake_campaign (brand_id, year, due_on, created_by) VALUES ($1, 2025, '2025-03-31', $2) RETURNING id`,
    [b, kit.adminId],
  );
  for (const [i, [counted, derived]] of [
    [5, 5],
    [3, 3],
    [7, 7],
    [2, 4],
  ].entries())
    await ds.query(
      `INSERT INTO stocktake_count (brand_id, campaign_id, distributor_id, product_id, batch_no, counted, derived, counted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [b, campaign.id, d0, kit.cat.productII, `C${i}`, counted, derived, owner.id],
    );
  kit.admin = await client(kit.brand.adminEmail, Audience.CONSOLE);
  kit.owner = await client(kit.brand.ownerEmail, Audience.PORTAL);
  kit.other = await createBrand(ds, 1);
  kit.otherAdmin = await client(kit.other.adminEmail, Audience.CONSOLE);
}
