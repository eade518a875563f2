import ExcelJS from 'exceljs';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { hospitalWorkbook } from './hospital-sheet';
import { distributorWorkbook } from './distributor-sheet';

let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const cookie = (c: GqlClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const headers = (c: GqlClient) => ({ 'x-medchannel-app': 'console', cookie: cookie(c) });

async function upload(data: Buffer): Promise<{
  id: string;
  totalRows: number;
  errorCount: number;
  errors: Array<{ row: number; column: string; message: string }>;
  summary: Record<string, number>;
}> {
  const res = await fetch(`${t.url}/files/imports/hospitals`, {
    method: 'POST',
    headers: { ...headers(admin), 'x-file-name': encodeURIComponent('医院.xlsx') },
    body: data,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

const COMMIT = `mutation($id: ID!) { commitImport(id: $id) { status hospitals departments } }`;
const count = async (prefix: string) =>
  (
    await t.app.ds.query(`SELECT count(*)::int AS n FROM hospital WHERE brand_id = $1 AND name LIKE $2`, [
      brand.brandId,
      `${prefix}%`,
    ])
  )[0].n as number;

/** 20,000 rows: 10,000 hospitals with two departments each. */
function rows(prefix: string, bad?: number) {
  return Array.from({ length: 10_000 }, (_, i) => i).flatMap((i) =>
    ['检验科', '超声科'].map((department, j) => ({
      name: `${prefix}${String(i).padStart(5, '0')}`,
      grade: (bad === i * 2 + j ? 'GRADE_9' : 'GRADE_2A') as never,
      beds: 300,
      regionCode: i % 2 ? 'C' : 'P',
      address: null,
      department,
      yearlyVolume: 1000 + i,
      volumeKind: null,
    })),
  );
}

test('a 20,000-row workbook previews, then commits all at once; committing again doubles nothing', async () => {
  const file = await hospitalWorkbook(rows('导入医院A'));
  let started = Date.now();
  const preview = await upload(file);
  const previewMs = Date.now() - started;
  expect(preview).toMatchObject({
    totalRows: 20_000,
    errorCount: 0,
    summary: { hospitals: 10_000, departments: 20_000 },
  });
  started = Date.now();
  const committed = await admin.request(COMMIT, { id: preview.id });
  const commitMs = Date.now() - started;
  expect(committed.errors).toEqual([]);
  expect(committed.data.commitImport).toEqual({ status: 'COMMITTED', hospitals: 10_000, departments: 20_000 });
  expect(await count('导入医院A')).toBe(10_000);
  const again = await admin.request(COMMIT, { id: preview.id });
  expect(again.data.commitImport.status).toBe('COMMITTED');
  expect(await count('导入医院A')).toBe(10_000);
  console.log(`hospital import, 20,000 rows (${file.length} bytes): preview ${previewMs} ms, commit ${commitMs} ms`);
}, 300_000);

test('one bad row among 20,000 is named by row and column, and nothing is written', async () => {
  const preview = await upload(await hospitalWorkbook(rows('导入医院B', 15_001)));
  expect(preview.errorCount).toBe(1);
  expect(preview.errors[0]).toMatchObject({ row: 15_003, column: '等级 Grade*' });
  const refused = await admin.request(COMMIT, { id: preview.id });
  expect(codeOf(refused)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(await count('导入医院B')).toBe(0);
}, 300_000);

test('a broken workbook, a CSV or a sheet without the template headers, answers with the reason', async () => {
  // text is read as CSV (and lacks the headers); a broken workbook is named as such
  expect((await upload(Buffer.from('not a workbook'))).errors[0].message).toMatch(/template's headers/);
  expect(
    (await upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('broken')]))).errors[0].message,
  ).toMatch(/Not an Excel workbook/);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').addRow(['名称', '等级']);
  expect((await upload(Buffer.from(await wb.xlsx.writeBuffer()))).errors[0].message).toMatch(/template's headers/);
});

test('the template and the export open in Excel’s format with the template headers; export follows the filter', async () => {
  const template = await fetch(`${t.url}/files/templates/hospitals.xlsx`, { headers: headers(admin) });
  expect(template.headers.get('content-type')).toMatch(/spreadsheetml/);
  const exported = await fetch(`${t.url}/files/exports/hospitals.xlsx?search=${encodeURIComponent('导入医院A0000')}`, {
    headers: headers(admin),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported.arrayBuffer()) as ArrayBuffer);
  const sheet = wb.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('医院名称 Hospital*');
  // 导入医院A00000 … A00009: ten hospitals, two departments each
  expect(sheet.rowCount - 1).toBe(20);
  expect(sheet.getRow(2).getCell(2).value).toBe('二甲');
});

test('a partner may not import, and another user’s import is NOT_FOUND', async () => {
  const owner = await t.as('boss@kangda.demo');
  const res = await fetch(`${t.url}/files/imports/hospitals`, {
    method: 'POST',
    headers: { 'x-medchannel-app': 'portal', cookie: cookie(owner) },
    body: Buffer.from('x'),
  });
  expect(res.status).toBe(403);
  const other = await t.as('admin@huakang.demo');
  const [job] = await t.app.ds.query(`SELECT id FROM import_job WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
  expect(codeOf(await other.request(COMMIT, { id: job.id }))).toBe(ErrorCode.NOT_FOUND);
});

test('distributors: prospects from a workbook, second tier after its parent in the same file; bad rows named', async () => {
  const good = await distributorWorkbook([
    {
      name: '导入经销商甲',
      code: 'IMP-A',
      regionCode: 'P',
      tier: 1,
      parentCode: null,
      creditCode: '91330100MA2AX1234K',
      registeredCapital: '5000000.00',
      address: null,
      contactName: '王五',
      contactPhone: null,
      classifications: ['HIGHLY_PROFESSIONAL' as never],
    },
    {
      name: '导入经销商乙',
      code: 'IMP-B',
      regionCode: 'C',
      tier: 2,
      parentCode: 'IMP-A',
      creditCode: null,
      registeredCapital: null,
      address: null,
      contactName: null,
      contactPhone: null,
      classifications: [],
    },
  ]);
  const res = await fetch(`${t.url}/files/imports/distributors`, {
    method: 'POST',
    headers: headers(admin),
    body: good,
  });
  const preview = (await res.json()) as { id: string; errorCount: number };
  expect(preview.errorCount).toBe(0);
  const committed = await admin.request(`mutation($id: ID!) { commitImport(id: $id) { status distributors } }`, {
    id: preview.id,
  });
  expect(committed.data.commitImport).toEqual({ status: 'COMMITTED', distributors: 2 });
  const [b] = await t.app.ds.query(
    `SELECT d.stage, p.code AS parent FROM distributor d JOIN distributor p ON p.id = d.parent_id WHERE d.brand_id = $1 AND d.code = 'IMP-B'`,
    [brand.brandId],
  );
  expect(b).toEqual({ stage: 'PROSPECT', parent: 'IMP-A' });
  const bad = await distributorWorkbook([
    {
      name: '导入经销商丙',
      code: 'IMP-A',
      regionCode: 'NOPE',
      tier: 1,
      parentCode: 'NONE',
      creditCode: 'bad',
      registeredCapital: null,
      address: null,
      contactName: null,
      contactPhone: null,
      classifications: [],
    },
  ]);
  const badPreview = (await (
    await fetch(`${t.url}/files/imports/distributors`, { method: 'POST', headers: headers(admin), body: bad })
  ).json()) as { errors: Array<{ column: string }> };
  expect(badPreview.errors.map((e) => e.column).sort()).toEqual(
    ['上级编码 Parent code', '地区代码 Region code*', '统一社会信用代码 Credit code', '编码 Code*'].sort(),
  );
  const exported = await fetch(`${t.url}/files/exports/distributors.xlsx?search=${encodeURIComponent('导入经销商')}`, {
    headers: headers(admin),
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported.arrayBuffer()) as ArrayBuffer);
  expect(wb.worksheets[0].rowCount - 1).toBe(2);
  const rowOf = (code: string) =>
    [2, 3].map((n) => wb.worksheets[0].getRow(n)).find((r) => r.getCell(2).value === code)!;
  expect(rowOf('IMP-A').getCell(11).value).toBe('专业度高');
  expect(rowOf('IMP-B').getCell(5).value).toBe('IMP-A');
});
