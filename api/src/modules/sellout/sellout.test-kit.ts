import type { DataSource } from 'typeorm';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, brandClients, createBrand, createCatalog } from '../../../test/factories';

/**
 * A brand of a test's own for the monthly upload: D0 (first tier) authorized for the product line
 * in the city only, with its second tier D1; hospitals with real-looking names in the city (D0's
 * territory) and in the province outside it (a sale there is 窜货).
 */
export interface SelloutWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  /** 杭州市第一人民医院 (city, with a 检验科) and 宁波市第二医院 (province: outside D0's grant) */
  inTerritory: string;
  outside: string;
  owner: GqlClient;
  rep0: GqlClient;
  rep1: GqlClient;
  admin: GqlClient;
}

export async function selloutWorld(t: TestApp): Promise<SelloutWorld> {
  const ds = t.app.ds;
  const brand = await createBrand(ds, 2);
  const cat = await createCatalog(ds, brand);
  const hospital = async (name: string, regionId: string) =>
    (
      await ds.query(
        `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_3A', $3) RETURNING id`,
        [brand.brandId, name, regionId],
      )
    )[0].id as string;
  const inTerritory = await hospital('杭州市第一人民医院', cat.cityId);
  const outside = await hospital('宁波市第二医院', cat.provinceId);
  await ds.query(`INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科')`, [
    brand.brandId,
    inTerritory,
  ]);
  for (const d of brand.distributorIds)
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 400, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.cityId]],
    );
  const {
    admin,
    owner,
    reps: [rep0, rep1],
  } = await brandClients(t, brand, [0, 1]);
  return { brand, cat, inTerritory, outside, owner, rep0, rep1, admin };
}

/** Units of a batch put into a distributor's stock by an opening adjustment dated `on`. */
export async function stockUp(
  ds: DataSource,
  w: SelloutWorld,
  batchNo: string,
  quantity: number,
  on: string,
  distributor = w.brand.distributorIds[0],
): Promise<void> {
  const [owner] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 LIMIT 1`, [distributor]);
  await ds.query(
    `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, quantity) VALUES ($1, $2, $3, $4, '', $5)`,
    [w.brand.brandId, distributor, w.cat.productII, batchNo, quantity],
  );
  await ds.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, reason, created_by)
     VALUES ($1, $2, $3, $4, 'ADJUSTED', $5, $6, '期初', $7)`,
    [w.brand.brandId, distributor, w.cat.productII, batchNo, quantity, on, owner.id],
  );
}

const cookie = (c: GqlClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** The route's answer: the upload's id and status, or its coded refusal. */
type UploadAnswer = { id?: string; status?: string; error?: { code: string } };

/** POSTs a file to the upload route as the portal does; answers the status and JSON. */
export async function uploadFile(
  t: TestApp,
  c: GqlClient,
  data: Buffer,
  query: Record<string, string>,
  name = '流向.csv',
): Promise<{ status: number; body: UploadAnswer }> {
  const res = await fetch(`${t.url}/files/sellout-uploads?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: {
      'x-medchannel-app': String(c.audience ?? 'portal').toLowerCase(),
      cookie: cookie(c),
      'x-file-name': encodeURIComponent(name),
    },
    body: data,
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer };
}

const UPLOAD = `id kind month status totalRows errorCount fileName
  errors { row column code message }
  rows { row hospitalText departmentText productText productName batchNo quantity occurredOn priceText unitPrice { amount currency } crossTerritory
    match { candidate hospitalId hospitalName score outsideScope }
    candidates { candidate hospitalId hospitalName score outsideScope } }
  findings { id kind month distributorName productName batchNo hospitalName occurredOn quantity reported derived rowNo }`;
export const GET = `query($id: ID!) { selloutUpload(id: $id) { ${UPLOAD} } }`;
export const MATCH = `mutation($id: ID!, $m: SelloutMatchesInput!) { matchSelloutRows(id: $id, input: $m) { ${UPLOAD} } }`;
export const COMMIT = `mutation($id: ID!) { commitSelloutUpload(id: $id) { ${UPLOAD} } }`;
export const FINDINGS = `query($f: SelloutFindingFilter) { selloutFindings(first: 50, filter: $f) { totalCount nodes { id kind month distributorName productName batchNo hospitalName occurredOn quantity reported derived } } }`;
