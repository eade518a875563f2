import { randomUUID } from 'node:crypto';
import { TestApp } from '../../../test/harness';
import { InventoryWorld, RECEIVE, inventoryWorld, shipmentTo } from '../inventory/inventory.test-kit';

/**
 * A brand of a test's own for placed equipment (the inventory world: D0 with its second tier D1,
 * both authorized in the province; a laboratory at the city's hospital) plus a second department
 * to move an instrument to, and a helper that receives a fresh serial into a distributor's stock.
 */
export interface PlacementWorld extends InventoryWorld {
  otherDepartmentId: string;
}

export async function placementWorld(t: TestApp): Promise<PlacementWorld> {
  const w = await inventoryWorld(t);
  const [dept] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '急诊科') RETURNING id`,
    [w.brand.brandId, w.cat.hospitalInCity],
  );
  return { ...w, otherDepartmentId: dept.id };
}

/** A fresh serial of the class III product received by distributor `index` (its rep receives it). */
export async function receivedSerial(t: TestApp, w: PlacementWorld, index = 0): Promise<string> {
  const serialNo = `SN${randomUUID().slice(0, 8).toUpperCase()}`;
  const s = await shipmentTo(t.app.ds, w.brand.brandId, w.brand.distributorIds[index], w.cat.productIII, [
    { quantity: 1, batchNo: 'EQ1', serialNo },
  ]);
  const r = await (index === 0 ? w.rep0 : w.rep1).request(RECEIVE, { s });
  if (r.errors.length) throw new Error(r.text);
  return serialNo;
}

export const PLACEMENT = `id distributorId distributorName productName serialNo source hospitalName departmentName reagentLineName
  commitmentQuantity commitmentPeriod startsOn endsOn status returnedOn version`;
export const PLACE = `mutation($i: PlaceInstrumentInput!) { placeInstrument(input: $i) { ${PLACEMENT} } }`;
export const RELOCATE = `mutation($i: RelocatePlacementInput!) { relocatePlacement(input: $i) { ${PLACEMENT} } }`;
export const REPLACE = `mutation($i: ReplacePlacementInstrumentInput!) { replacePlacementInstrument(input: $i) { ${PLACEMENT} } }`;
export const RETURN = `mutation($i: ReturnPlacementInput!) { returnPlacement(input: $i) { ${PLACEMENT} } }`;
export const GET = `query($id: ID!) { placement(id: $id) { ${PLACEMENT}
  history { kind occurredOn serialNo hospitalName departmentName note actorName }
  commitment { month committed actual shortfall } } }`;
export const LIST = `query($f: PlacementFilter) { placements(first: 50, filter: $f) { totalCount nodes { id serialNo distributorName } } }`;
export const OPEN = `mutation($i: OpenStocktakeInput!) { openStocktake(input: $i) { id year dueOn status } }`;
export const CLOSE = `mutation($id: ID!) { closeStocktake(id: $id) { id status closedAt } }`;
export const ITEM = `id placementId serialNo distributorName hospitalName departmentName finding condition foundAt meterReading hasPhoto confirmedAt`;
export const ITEMS = `query($c: ID!, $f: StocktakeItemFilter) { stocktakeItems(campaignId: $c, first: 50, filter: $f) { totalCount nodes { ${ITEM} } } }`;
export const CONFIRM = `mutation($i: ConfirmStocktakeItemInput!) { confirmStocktakeItem(input: $i) { ${ITEM} } }`;
export const COUNT = `mutation($i: CountStocktakeBatchInput!) { countStocktakeBatch(input: $i) { id batchNo counted derived } }`;
export const CAMPAIGN = `query($id: ID!) { stocktakeCampaign(id: $id) { id status
  progress { distributorId distributorName instruments confirmed batchesCounted discrepancies } } }`;
export const DISCREPANCIES = `query($c: ID!) { stocktakeDiscrepancies(campaignId: $c, first: 50) { totalCount
  nodes { id kind distributorName productName serialNo placeName foundAt batchNo counted derived } } }`;
