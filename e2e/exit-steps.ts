import { randomUUID } from 'node:crypto';
import { apiAs, type Api } from './support/api';
import { url } from './support/browser';
import { linkMailedTo } from './people-steps';

// The set-up the exit tests share, through the API: a distributor of the run's own up to a temporary
// authorization, its owner signed in, and goods it bought and received.

/** A day from today in China (YYYY-MM-DD). */
export const day = (offset = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A distributor of the run's own, moved up to 临时授权 with the documents and a grant for the products. */
export async function signUp(
  admin: Api,
  name: string,
  code: string,
  regionId: string,
  productIds: string[],
): Promise<string> {
  const { createDistributor: d } = await admin<{ createDistributor: { id: string; version: number } }>(
    `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id version } }`,
    { i: { name, code, regionId } },
  );
  let version = d.version;
  for (const toStage of ['SCREENING', 'NEGOTIATING', 'TEMP_AUTHORIZED']) {
    const moved = await admin<{ moveDistributorStage: { version: number } }>(
      `mutation($d: ID!, $v: Int!, $s: DistributorStage!) { moveDistributorStage(distributorId: $d, expectedVersion: $v, toStage: $s, reason: "浏览器测试") { version } }`,
      { d: d.id, v: version, s: toStage },
    );
    version = moved.moveDistributorStage.version;
  }
  for (const [type, classes] of [
    ['BUSINESS_LICENSE', []],
    ['FILING_CERTIFICATE_II', ['II']],
  ] as const)
    await admin(`mutation($i: AddQualificationInput!) { addQualification(input: $i) { id } }`, {
      i: {
        distributorId: d.id,
        type,
        number: `${code}-${type}`,
        deviceClasses: classes,
        validFrom: day(-30),
        validTo: day(700),
      },
    });
  await admin(`mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
    i: {
      distributorId: d.id,
      kind: 'TEMPORARY',
      productIds,
      regionIds: [regionId],
      validFrom: day(),
      validTo: day(60),
    },
  });
  await admin(
    `mutation($d: ID!, $v: Int!) { setCreditLimit(distributorId: $d, expectedVersion: $v, amount: "100000.00") { id } }`,
    {
      d: d.id,
      v: version,
    },
  );
  return d.id;
}

/** Its owner, invited, his password set from the mailed link, signed in on the portal's API. */
export async function ownerOf(admin: Api, distributorId: string, email: string, password: string): Promise<Api> {
  await admin(`mutation($i: InviteOwnerInput!) { inviteDistributorOwner(input: $i) { id } }`, {
    i: { distributorId, email, displayName: '退出老板', requestKey: randomUUID() },
  });
  const token = new URL(await linkMailedTo(email), 'http://x').searchParams.get('token')!;
  await fetch(url('portal', '/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
    body: JSON.stringify({
      query: 'mutation($p: String!, $t: String!) { setPasswordWithLink(password: $p, token: $t) }',
      variables: { p: password, t: token },
    }),
  });
  return apiAs('portal', email, password);
}

/** The owner buys units of one product in one batch; the brand approves and ships them, and he receives them. */
export async function buyAndReceive(admin: Api, owner: Api, productId: string, quantity: number, batch: string) {
  const { placeOrder } = await owner<{ placeOrder: { id: string; version: number; lines: Array<{ id: string }> } }>(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id version lines { id } } }`,
    { i: { kind: 'STOCK', lines: [{ productId, quantity }], idempotencyKey: randomUUID() } },
  );
  await admin(`mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`, {
    id: placeOrder.id,
    v: placeOrder.version,
  });
  const { recordShipment } = await admin<{ recordShipment: { shipments: Array<{ id: string }> } }>(
    `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { shipments { id } } }`,
    {
      i: {
        orderId: placeOrder.id,
        items: [{ orderLineId: placeOrder.lines[0].id, quantity, batchNo: batch, expiryDate: '2030-06-30' }],
        idempotencyKey: randomUUID(),
      },
    },
  );
  await owner(`mutation($s: ID!) { receiveShipment(shipmentId: $s) { id } }`, { s: recordShipment.shipments[0].id });
}
