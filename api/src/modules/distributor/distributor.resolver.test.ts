import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';

let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 23);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const PAGE = `query($first: Int, $after: String, $filter: DistributorFilter) {
  distributors(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { id name tier } } }`;

describe('distributors list', () => {
  test('pages by keyset through every row once, in name order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const r: GqlResult = await admin.request(PAGE, { first: 10, after });
      expect(r.errors).toEqual([]);
      expect(r.data.distributors.totalCount).toBe(23);
      seen.push(...r.data.distributors.nodes.map((d: { name: string }) => d.name));
      after = r.data.distributors.pageInfo.hasNextPage ? r.data.distributors.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual(seen);
  });

  test('filters by search text (literally, % is not a wildcard), tier and region', async () => {
    const search = await admin.request(PAGE, { filter: { search: '经销商 01' } });
    expect(search.data.distributors.nodes.map((d: { name: string }) => d.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `测试经销商 01${i}`),
    );
    const percent = await admin.request(PAGE, { filter: { search: '%' } });
    expect(percent.data.distributors.totalCount).toBe(0);
    const tier2 = await admin.request(PAGE, { first: 100, filter: { tier: 2 } });
    expect(tier2.data.distributors.totalCount).toBe(11);
    expect(tier2.data.distributors.nodes.every((d: { tier: number }) => d.tier === 2)).toBe(true);
    const [{ id: provinceId }] = await t.app.ds.query(
      `SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE'`,
      [brand.brandId],
    );
    const [{ id: cityId }] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'CITY'`, [
      brand.brandId,
    ]);
    // a province covers its cities
    expect((await admin.request(PAGE, { filter: { regionId: provinceId } })).data.distributors.totalCount).toBe(23);
    expect((await admin.request(PAGE, { filter: { regionId: cityId } })).data.distributors.totalCount).toBe(11);
  });

  test.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'garbage' }, 'after'],
    [{ filter: { tier: 12 } }, 'tier'],
    [{ filter: { regionId: 'nope' } }, 'regionId'],
  ])('refuses %p naming the field', async (vars, field) => {
    const r = await admin.request(PAGE, vars);
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0].extensions?.field).toBe(field);
  });
});

describe('assignChannelManager', () => {
  const ASSIGN = `mutation($d: ID!, $u: ID!, $v: Int!) {
    assignChannelManager(distributorId: $d, userId: $u, expectedVersion: $v) { id version channelManager { id displayName } } }`;

  async function state(id: string) {
    const [row] = await t.app.ds.query(`SELECT version, channel_manager_id FROM distributor WHERE id = $1`, [id]);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [id]);
    return { ...row, audits: n };
  }

  /** A channel manager of the test brand other than the distributor's current one. */
  async function otherManager(current: string | null): Promise<string> {
    const [cm] = await t.app.ds.query(
      `SELECT id FROM app_user WHERE brand_id = $1 AND role = 'CHANNEL_MANAGER' AND id IS DISTINCT FROM $2 LIMIT 1`,
      [brand.brandId, current],
    );
    return cm.id;
  }

  test('reassigns, bumps the version and audits the change from → to', async () => {
    const id = brand.distributorIds[2];
    const before = await state(id);
    const cm = { id: await otherManager(before.channel_manager_id) };
    const r = await admin.request(ASSIGN, { d: id, u: cm.id, v: before.version });
    expect(r.errors).toEqual([]);
    expect(r.data.assignChannelManager).toMatchObject({ version: before.version + 1, channelManager: { id: cm.id } });
    const [audit] = await t.app.ds.query(
      `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [id],
    );
    expect(audit).toEqual({
      action: 'ASSIGN_CHANNEL_MANAGER',
      changes: { channelManagerId: { from: before.channel_manager_id, to: cm.id } },
    });
  });

  test('a stale version answers CONFLICT and changes nothing', async () => {
    const id = brand.distributorIds[4];
    const before = await state(id);
    const cm = { id: await otherManager(before.channel_manager_id) };
    const r = await admin.request(ASSIGN, { d: id, u: cm.id, v: before.version + 10 });
    expect(codeOf(r)).toBe(ErrorCode.CONFLICT);
    expect(reasonOf(r)).toBe(ErrorReason.STALE_VERSION);
    expect(await state(id)).toEqual(before);
  });

  test('only an active channel manager of the brand can be assigned', async () => {
    const id = brand.distributorIds[6];
    const before = await state(id);
    const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
    const r = await admin.request(ASSIGN, { d: id, u: owner.id, v: before.version });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0].extensions?.field).toBe('userId');
    expect(await state(id)).toEqual(before);
  });

  test('the audit trail refuses to be rewritten', async () => {
    // the refusals are the point; keep the SQL logger's error lines out of the test output
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      t.app.ds.query(`UPDATE audit_log SET action = 'X' WHERE brand_id = $1`, [brand.brandId]),
    ).rejects.toThrow(/append-only/);
    await expect(t.app.ds.query(`DELETE FROM audit_log WHERE brand_id = $1`, [brand.brandId])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('lifecycle', () => {
  const MOVE = `mutation($d: ID!, $to: DistributorStage!, $v: Int!) {
    moveDistributorStage(distributorId: $d, toStage: $to, reason: "按计划推进", expectedVersion: $v) { stage version stageHistory { fromStage toStage reason } } }`;

  test('a prospect moves step by step, each move kept with its reason; illegal moves change nothing', async () => {
    const created = await admin.request(
      `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id stage version } }`,
      {
        i: {
          name: '温州新锐医疗器械有限公司',
          code: 'LC-1',
          regionId: (
            await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'CITY'`, [brand.brandId])
          )[0].id,
        },
      },
    );
    expect(created.errors).toEqual([]);
    const { id } = created.data.createDistributor;
    expect(created.data.createDistributor.stage).toBe('PROSPECT');
    const jump = await admin.request(MOVE, { d: id, to: 'FORMAL', v: 1 });
    expect(codeOf(jump)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(jump)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    let version = 1;
    for (const to of ['SCREENING', 'NEGOTIATING', 'TEMP_AUTHORIZED']) {
      const r = await admin.request(MOVE, { d: id, to, v: version });
      expect(r.errors).toEqual([]);
      version = r.data.moveDistributorStage.version;
    }
    const final = await admin.request(
      `query($id: ID!) { distributor(id: $id) { stage stageHistory { fromStage toStage reason } } }`,
      { id },
    );
    expect(final.data.distributor.stage).toBe('TEMP_AUTHORIZED');
    expect(final.data.distributor.stageHistory.map((h: { toStage: string }) => h.toStage)).toEqual([
      'SCREENING',
      'NEGOTIATING',
      'TEMP_AUTHORIZED',
    ]);
    const stale = await admin.request(MOVE, { d: id, to: 'TRIAL', v: 1 });
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  });
});
