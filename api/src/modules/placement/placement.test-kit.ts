import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * A brand of a test's own for placed equipment: D0 (first tier) with its second tier D1, both
 * authorized for the province's hospitals; a laboratory and an emergency department at the city's
 * hospital; clients of the brand's admin (console), D0's owner, D0's rep and D1's rep (portal).
 */
export interface PlacementWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  departmentId: string;
  otherDepartmentId: string;
  admin: GqlClient;
  owner: GqlClient;
  rep0: GqlClient;
  rep1: GqlClient;
}

export async function placementWorld(t: TestApp): Promise<PlacementWorld> {
  const ds = t.app.ds;
  const brand = await createBrand(ds, 2);
  const cat = await createCatalog(ds, brand);
  for (const d of brand.distributorIds)
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.provinceId]],
    );
  const dept = async (name: string): Promise<string> =>
    (
      await ds.query(`INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`, [
        brand.brandId,
        cat.hospitalInCity,
        name,
      ])
    )[0].id;
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const login = async (audience: Audience, email: string) => {
    const c = t.client(audience);
    await c.login(email);
    return c;
  };
  return {
    brand,
    cat,
    departmentId: await dept('检验科'),
    otherDepartmentId: await dept('急诊科'),
    admin: await login(Audience.CONSOLE, brand.adminEmail),
    owner: await login(Audience.PORTAL, brand.ownerEmail),
    rep0: await login(Audience.PORTAL, `rep0-${tag}@test.demo`),
    rep1: await login(Audience.PORTAL, `rep1-${tag}@test.demo`),
  };
}

/** A fresh serial of the class III product in distributor `index`'s stock (batch EQ1; written as an opening-stock fact). */
export async function receivedSerial(t: TestApp, w: PlacementWorld, index = 0): Promise<string> {
  const serialNo = `SN${randomUUID().slice(0, 8).toUpperCase()}`;
  const params = [w.brand.brandId, w.brand.distributorIds[index], w.cat.productIII, serialNo];
  await t.app.ds.query(
    `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, quantity) VALUES ($1, $2, $3, 'EQ1', $4, 1)`,
    params,
  );
  await t.app.ds.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, serial_no, kind, quantity, occurred_on, reason, created_by)
     SELECT $1, $2, $3, 'EQ1', $4, 'ADJUSTED', 1, CURRENT_DATE - 40, '期初', u.id FROM app_user u WHERE u.distributor_id = $2 LIMIT 1`,
    params,
  );
  return serialNo;
}

const PLACEMENT = `id distributorId distributorName productName serialNo source hospitalName departmentName reagentLineName
  commitmentQuantity commitmentPeriod startsOn endsOn status returnedOn version`;
export const PLACE = `mutation($i: PlaceInstrumentInput!) { placeInstrument(input: $i) { ${PLACEMENT} } }`;
export const RELOCATE = `mutation($id: ID!, $i: RelocatePlacementInput!) { relocatePlacement(id: $id, input: $i) { ${PLACEMENT} } }`;
export const REPLACE = `mutation($id: ID!, $i: ReplacePlacementInstrumentInput!) { replacePlacementInstrument(id: $id, input: $i) { ${PLACEMENT} } }`;
export const RETURN = `mutation($id: ID!, $i: ReturnPlacementInput!) { returnPlacement(id: $id, input: $i) { ${PLACEMENT} } }`;
export const GET = `query($id: ID!) { placement(id: $id) { ${PLACEMENT}
  history { kind occurredOn serialNo hospitalName departmentName note actorName }
  commitment { month committed actual shortfall } } }`;
export const LIST = `query($f: PlacementFilter) { placements(first: 50, filter: $f) { totalCount nodes { id serialNo distributorName } } }`;
export const OPEN = `mutation($i: OpenStocktakeInput!) { openStocktake(input: $i) { id year dueOn status } }`;
export const CLOSE = `mutation($id: ID!) { closeStocktake(id: $id) { id status closedAt } }`;
const ITEM = `id placementId serialNo distributorName hospitalName departmentName finding condition foundAt meterReading hasPhoto confirmedAt`;
export const ITEMS = `query($c: ID!, $f: StocktakeItemFilter) { stocktakeItems(campaignId: $c, first: 50, filter: $f) { totalCount nodes { ${ITEM} } } }`;
export const CONFIRM = `mutation($id: ID!, $i: ConfirmStocktakeItemInput!) { confirmStocktakeItem(itemId: $id, input: $i) { ${ITEM} } }`;
export const COUNT = `mutation($c: ID!, $i: CountStocktakeBatchInput!) { countStocktakeBatch(campaignId: $c, input: $i) { id batchNo counted derived } }`;
export const CAMPAIGN = `query($id: ID!) { stocktakeCampaign(id: $id) { id status
  progress { distributorId distributorName instruments confirmed batchesCounted discrepancies } } }`;
export const DISCREPANCIES = `query($c: ID!) { stocktakeDiscrepancies(campaignId: $c, first: 50) { totalCount
  nodes { id kind distributorName productName serialNo placeName foundAt batchNo counted derived } } }`;
