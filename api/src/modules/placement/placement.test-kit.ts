import { randomUUID } from 'node:crypto';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, brandClients, cityDepartment, provinceBrand } from '../../../test/factories';

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
  const { brand, cat, departmentId } = await provinceBrand(t.app.ds, 2);
  const otherDepartmentId = await cityDepartment(t.app.ds, brand, cat, '急诊科');
  const {
    admin,
    owner,
    reps: [rep0, rep1],
  } = await brandClients(t, brand, [0, 1]);
  return { brand, cat, departmentId, otherDepartmentId, admin, owner, rep0, rep1 };
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
