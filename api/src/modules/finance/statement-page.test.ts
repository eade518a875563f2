import { Audience } from '@medchannel/shared-schema';
import { GqlClient, GqlResult } from '../../../test/harness';
import { createBrand, scopeOfEmail } from '../../../test/factories';
import { Page, paginate } from '../../common/pagination';
import { Statement } from './finance.entity';
import { STATEMENT_LIST_KEYS } from './statement-page';
import { FULL, admin, brand, disputedMonth, owner, perFieldStatement, t, withFinanceWorld } from './finance.test-kit';

/**
 * statements(...) builds its page, count and each row's tree in one statement besides the session
 * (statement-page.ts). Each page must list what the list listed before its tree (the service's own
 * query paged by `paginate`) in its order, count and cursors, page after page; each row must answer
 * field for field what the per-field loaders answer for the same statement (perFieldStatement), for
 * the owner and the brand's admin, with disputes (open, adjusted, rejected, with evidence) and two
 * versions of a month; under the period, status, distributor and region filters; and a rep without
 * finance access and another brand's owner see nothing.
 */
withFinanceWorld();

const PAGE = `query($first: Int!, $after: String, $period: String, $status: StatementStatus, $filter: AccountFilter) {
  statements(first: $first, after: $after, period: $period, status: $status, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ...Full } } } ${FULL}`;

/** A list screen asking every part the page reads in its tree (FULL asks more: every version's lines, say). */
const SCREEN = `query($first: Int!, $period: String, $status: StatementStatus, $filter: AccountFilter) {
  statements(first: $first, period: $period, status: $status, filter: $filter) { totalCount nodes {
    id period status closingBalance { amount } distributor { name }
    lines { amount { amount } balanceAfter { amount } dispute { comment } }
    disputes { comment line { lineNo } raisedBy { displayName } resolvedBy { displayName } attachments { fileName url } }
    versions { version status disputes { status line { lineNo } raisedBy { displayName } attachments { fileName } } }
    changes { previousVersion lines { change lineNo effect { amount } } } } } }`;

interface Variant {
  period?: string;
  status?: string;
  filter?: { distributorId?: string; regionId?: string };
}
type Row = { id: string } & Record<string, unknown>;
interface PageOf {
  ids: string[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Three months of every distributor (the third reissued: version 1 superseded), each version with two or three lines and a dispute. */
async function seedMonths() {
  const ds = t.app.ds;
  for (const [i, d] of brand.distributorIds.entries()) {
    const [rep] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [d]);
    for (const [j, period] of ['2001-01', '2001-02', '2001-03'].entries()) {
      const versions = j === 2 ? 2 : 1;
      for (let version = 1; version <= versions; version++) {
        const status = version < versions ? 'SUPERSEDED' : ['ISSUED', 'CONFIRMED', 'DISPUTED'][(i + j) % 3];
        const amounts = version === 1 ? ['100.00', '50.00'] : ['100.00', '45.00', '7.00'];
        const [s] = await ds.query(
          `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
           VALUES ($1, $2, $3, $4, $5, 'CNY', '10.00', $6, $7, '0.00') RETURNING id`,
          [brand.brandId, d, period, version, status, String(10 + 150 * version), String(150 * version)],
        );
        const lineIds: string[] = [];
        for (const [k, amount] of amounts.entries()) {
          const [entry] = await ds.query(
            `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo)
             VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', $3, 'CNY', $4, 'fixture', gen_random_uuid(), $5) RETURNING id`,
            [brand.brandId, d, amount, `${period}-1${k}`, `发货 ${k}`],
          );
          const [line] = await ds.query(
            `INSERT INTO statement_line (brand_id, statement_id, line_no, ledger_entry_id, occurred_on, kind, amount, memo)
             VALUES ($1, $2, $3, $4, $5, 'SHIPMENT_RECEIVABLE', $6, $7) RETURNING id`,
            [brand.brandId, s.id, k + 1, entry.id, `${period}-1${k}`, amount, `发货 ${k}`],
          );
          lineIds.push(line.id);
        }
        await ds.query(
          `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by) VALUES ($1, $2, $3, $4, $5)`,
          [brand.brandId, s.id, lineIds[version - 1], `不符 ${period} v${version}`, rep.id],
        );
      }
    }
  }
}

/** The pages the list gave before its tree: the service's query through `paginate`, `first` at a time. */
async function before(email: string, variant: Variant, first: number): Promise<PageOf[]> {
  const scope = await scopeOfEmail(t.app.ds, email);
  const filter = { ...variant.filter, period: variant.period, status: variant.status as Statement['status'] };
  const pages: PageOf[] = [];
  let after: string | null = null;
  for (;;) {
    const q = t.app.services.statements.listQuery(scope, filter);
    const page: Page<Statement> = await paginate(q, { first, after }, STATEMENT_LIST_KEYS, 'DESC');
    pages.push({ ids: page.nodes.map((s) => s.id), totalCount: page.totalCount, ...page.pageInfo });
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

/** The list's pages now, `first` at a time after each page's cursor, with their rows. */
async function now(client: GqlClient, variant: Variant, first: number) {
  const pages: PageOf[] = [];
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    type Answer = { statements: { totalCount: number; nodes: Row[]; pageInfo: Omit<PageOf, 'ids' | 'totalCount'> } };
    const res: GqlResult<Answer> = await client.request(PAGE, { ...variant, first, after });
    expect(res.errors).toEqual([]);
    const page = res.data!.statements;
    rows.push(...page.nodes);
    pages.push({ ids: page.nodes.map((s) => s.id), totalCount: page.totalCount, ...page.pageInfo });
    if (!page.pageInfo.hasNextPage) return { pages, rows };
    after = page.pageInfo.endCursor;
  }
}

test('each page lists what the list listed before, and each row answers what the per-field loaders answer', async () => {
  const month = await disputedMonth();
  await seedMonths();
  const [d0, d1, d2] = brand.distributorIds;
  const [{ region_id: city }] = await t.app.ds.query(`SELECT region_id FROM distributor WHERE id = $1`, [d1]);
  const variants: Record<string, Variant> = {
    all: {},
    period: { period: '2001-02' },
    superseded: { status: 'SUPERSEDED' },
    disputed: { status: 'DISPUTED' },
    distributor: { filter: { distributorId: d1 } },
    region: { filter: { regionId: city } },
    another: { filter: { distributorId: d2 } },
    combined: { period: month.period, status: 'SUPERSEDED', filter: { distributorId: d0 } },
  };
  const viewers: Array<[string, GqlClient, string]> = [
    ['owner', owner, brand.ownerEmail],
    ['admin', admin, brand.adminEmail],
  ];
  const totals: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const [name, client, email] of viewers) {
    const perField = new Map<string, unknown>();
    for (const [label, variant] of Object.entries(variants)) {
      const whole = await now(client, variant, 20);
      const paged = await now(client, variant, 2);
      // the same rows, order, counts and cursors as the list's query paged before its tree
      expect({ label, pages: paged.pages }).toEqual({ label, pages: await before(email, variant, 2) });
      expect({ label, pages: whole.pages }).toEqual({ label, pages: await before(email, variant, 20) });
      expect(paged.rows).toEqual(whole.rows);
      for (const row of whole.rows) {
        if (!perField.has(row.id)) {
          const alone = await perFieldStatement(client, row.id);
          expect(alone.res.errors).toEqual([]);
          perField.set(row.id, alone.statement);
        }
        expect(row).toEqual(perField.get(row.id));
      }
      totals[`${name} ${label}`] = whole.pages[0].totalCount;
      for (const first of [2, 20]) {
        const screen = await client.request(SCREEN, { ...variant, first });
        expect(screen.errors).toEqual([]);
        counts[`${name} ${label} ${first}`] = screen.sqlCount;
      }
    }
  }
  // the rows are really there: the owner's distributor and the one under it, every distributor for the admin
  expect(totals).toEqual({
    'owner all': 7,
    'owner period': 2,
    'owner superseded': 3,
    'owner disputed': 3,
    'owner distributor': 3,
    // d1's city: the owner sees d1's three there; the admin, every distributor of that city (account-filter.ts)
    'owner region': 3,
    'owner another': 0,
    'owner combined': 1,
    'admin all': 13,
    'admin period': 4,
    'admin superseded': 5,
    'admin disputed': 5,
    'admin distributor': 3,
    'admin region': 6,
    'admin another': 3,
    'admin combined': 1,
  });
  // ...with the parts the page reads: two versions with disputes, evidence, changes
  const reissued = (await now(admin, variants.combined, 20)).rows[0];
  const v2 = (await now(admin, { filter: { distributorId: d0 }, period: month.period }, 20)).rows[0] as Row & {
    versions: Array<{ status: string; disputes: Array<{ status: string; attachments: unknown[] }> }>;
    changes: { previousVersion: number } | null;
  };
  expect(reissued.id).toBe(month.v1.id);
  expect(v2.id).toBe(month.v2.id);
  expect(v2.versions.map((v) => v.status)).toEqual(['SUPERSEDED', 'DISPUTED']);
  expect(v2.versions[0].disputes.map((x) => x.status).sort()).toEqual(['ADJUSTED', 'REJECTED']);
  expect(v2.versions[0].disputes.flatMap((x) => x.attachments)).toHaveLength(1);
  expect(v2.changes?.previousVersion).toBe(1);
  // the list screen: one statement besides the session, whatever the viewer, filter or page size
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 2])));

  // a rep of the owner's distributor without finance access, and another brand's owner: nothing, as before
  const [rep] = await t.app.ds.query(
    `SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP' AND NOT finance_access`,
    [d0],
  );
  const other = await createBrand(t.app.ds, 1);
  for (const email of [rep.email, other.ownerEmail]) {
    const client = t.client(Audience.PORTAL);
    await client.login(email);
    for (const [label, variant] of Object.entries(variants)) {
      const seen = await now(client, variant, 2);
      expect({ label, pages: seen.pages }).toEqual({
        label,
        pages: [{ ids: [], totalCount: 0, hasNextPage: false, endCursor: null }],
      });
      expect(seen.pages).toEqual(await before(email, variant, 2));
    }
  }
});
