import { ErrorCode, ErrorReason, TrainingGroupBy } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { fetchExport } from '../../../test/exports';
import { expectedDistributors, personaUser } from '../../../test/personas';
import { DISTRIBUTORS } from '../../db/seed/demo-data';
import { SEED_COURSES } from '../../db/seed/training-data';

/** /files/exports/training-completion.xlsx: the 完成情况 screen's table (its URL filters, `by` REGION unless said) as Excel. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const COMPLETION = `query($g: TrainingGroupBy!, $c: ID, $r: ID) { trainingCompletion(groupBy: $g, courseId: $c, regionId: $r) {
  key label assigned started completed overdue } }`;
const listed = async (c: GqlClient, v: { g: TrainingGroupBy; c?: string; r?: string }) => {
  const r = await c.request(COMPLETION, v);
  expect(r.errors).toEqual([]);
  return r.data.trainingCompletion as Array<{
    label: string;
    assigned: number;
    started: number;
    completed: number;
    overdue: number;
  }>;
};
const asSheet = (rows: Awaited<ReturnType<typeof listed>>) =>
  rows.map((r) => [r.label, r.assigned, r.started, r.completed, r.overdue, r.assigned ? r.completed / r.assigned : 0]);

test('by distributor, a channel manager’s export is his distributors’ rows, as his table shows them', async () => {
  const cm = await t.as(personaUser('channelManager').email);
  const sheet = await fetchExport(t, cm, 'training-completion.xlsx', 'by=DISTRIBUTOR');
  expect(sheet.status).toBe(200);
  expect(sheet.headers).toEqual([
    '经销商 Distributor',
    '已分配 Assigned',
    '已开始 Started',
    '已完成 Completed',
    '已逾期 Overdue',
    '完成率 Completion rate',
  ]);
  expect(sheet.rows.length).toBeGreaterThan(0);
  expect(sheet.rows).toEqual(asSheet(await listed(cm, { g: TrainingGroupBy.DISTRIBUTOR })));
  const his = new Set(expectedDistributors(personaUser('channelManager')).map((d) => d.name));
  expect(sheet.rows.every((r) => his.has(r[0] as string))).toBe(true);
  // 广州粤康 (another manager's) has people in training: the admin's file has it, his not
  const yk = DISTRIBUTORS.find((d) => d.code === 'HK-YK')!;
  const admin = await t.as(personaUser('admin').email);
  const all = await fetchExport(t, admin, 'training-completion.xlsx', 'by=DISTRIBUTOR');
  expect(all.rows.map((r) => r[0])).toContain(yk.name);
  expect(sheet.rows.map((r) => r[0])).not.toContain(yk.name);
});

test('grouping, course and region narrow the export as they narrow the table; by province unless said', async () => {
  const admin = await t.as(personaUser('admin').email);
  const byRegion = await listed(admin, { g: TrainingGroupBy.REGION });
  const plain = await fetchExport(t, admin, 'training-completion.xlsx');
  expect(plain.headers[0]).toBe('省份 Province');
  expect(plain.rows).toEqual(asSheet(byRegion));
  const course = SEED_COURSES[0].id;
  const region = (await t.app.ds.query(`SELECT region_id FROM distributor WHERE code = 'HK-KD'`))[0]
    .region_id as string;
  for (const [query, v] of [
    [`by=COURSE&course=${course}`, { g: TrainingGroupBy.COURSE, c: course }],
    [`by=DISTRIBUTOR&region=${region}`, { g: TrainingGroupBy.DISTRIBUTOR, r: region }],
  ] as const) {
    const rows = await listed(admin, v);
    expect(rows.length).toBeGreaterThan(0);
    expect((await fetchExport(t, admin, 'training-completion.xlsx', query)).rows).toEqual(asSheet(rows));
  }
  expect((await listed(admin, { g: TrainingGroupBy.DISTRIBUTOR, r: region })).length).toBeLessThan(
    (await listed(admin, { g: TrainingGroupBy.DISTRIBUTOR })).length,
  );
});

test('a distributor’s people are refused 403 as in GraphQL; another brand’s admin gets none of this brand’s rows', async () => {
  const owner = await t.as(personaUser('ownerA').email);
  const refused = await fetchExport(t, owner, 'training-completion.xlsx');
  expect(refused.status).toBe(403);
  expect(refused.error).toMatchObject({ code: ErrorCode.FORBIDDEN, reason: ErrorReason.ROLE_NOT_ALLOWED });
  const other = await t.as(personaUser('otherBrandAdmin').email);
  const sheet = await fetchExport(t, other, 'training-completion.xlsx', 'by=DISTRIBUTOR');
  expect(sheet.status).toBe(200);
  const huakang = new Set(
    DISTRIBUTORS.filter((d) => d.brandId !== personaUser('otherBrandAdmin').brandId).map((d) => d.name),
  );
  expect(sheet.rows.filter((r) => huakang.has(r[0] as string))).toEqual([]);
});

test('bad parameters answer a coded 400; past the row limit TOO_MANY_ROWS', async () => {
  const admin = await t.as(personaUser('admin').email);
  for (const [query, field] of [
    ['by=PROVINCE', 'by'],
    ['course=1', 'course'],
    ['region=x', 'region'],
  ]) {
    const sheet = await fetchExport(t, admin, 'training-completion.xlsx', query);
    expect([query, sheet.status, sheet.error]).toEqual([
      query,
      400,
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field }),
    ]);
  }
  const rows = await listed(admin, { g: TrainingGroupBy.DISTRIBUTOR });
  const limit = t.app.services.maxExportRows;
  try {
    t.app.services.maxExportRows = rows.length - 1;
    const refused = await fetchExport(t, admin, 'training-completion.xlsx', 'by=DISTRIBUTOR');
    expect([refused.status, refused.error]).toEqual([
      400,
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.TOO_MANY_ROWS }),
    ]);
  } finally {
    t.app.services.maxExportRows = limit;
  }
});
