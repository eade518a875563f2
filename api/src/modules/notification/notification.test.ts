import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';

/** Each user reads and marks only their own notifications: lists, counts and marking never cross users. */
let t: TestApp;
let brand: BrandFixture;
let owner: GqlClient;
let rep: GqlClient;
let ownerId: string;
let repId: string;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const [o] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
  const [r] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
    brand.distributorIds[0],
  ]);
  ownerId = o.id;
  repId = r.id;
  rep = t.client(Audience.PORTAL);
  await rep.login(r.email);
});
afterAll(() => t?.stop());

async function notify(userId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [row] = await t.app.ds.query(
      `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, 'ORDER_APPROVED', 'order', $3, $4) RETURNING id`,
      [brand.brandId, userId, randomUUID(), JSON.stringify({ number: `SO-${i}` })],
    );
    ids.push(row.id);
  }
  return ids;
}

const INBOX = `query($after: String, $unread: Boolean) { unreadNotificationCount
  notifications(first: 3, after: $after, unreadOnly: $unread) { totalCount pageInfo { hasNextPage endCursor } nodes { id readAt params { name value } } } }`;

test('the inbox lists newest first, pages by cursor, and counts unread', async () => {
  const ids = await notify(ownerId, 5);
  const first = await owner.request(INBOX);
  expect(first.errors).toEqual([]);
  expect(first.data.unreadNotificationCount).toBe(5);
  expect(first.data.notifications.nodes.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3], ids[2]]);
  expect(first.data.notifications.nodes[0].params).toEqual([{ name: 'number', value: 'SO-4' }]);
  const second = await owner.request(INBOX, { after: first.data.notifications.pageInfo.endCursor });
  expect(second.data.notifications.nodes.map((n: { id: string }) => n.id)).toEqual([ids[1], ids[0]]);
  expect(second.data.notifications.pageInfo.hasNextPage).toBe(false);
});

test('marking read touches only the viewer’s own notifications', async () => {
  const repIds = await notify(repId, 2);
  const before = (await owner.request(INBOX)).data.unreadNotificationCount;
  // the owner names the rep's notifications: nothing changes for either
  const foreign = await owner.request(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: repIds });
  expect(foreign.data.markNotificationsRead).toBe(0);
  expect((await rep.request(INBOX)).data.unreadNotificationCount).toBe(2);
  // the rep marks one, then all
  expect(
    (await rep.request(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [repIds[0]] })).data
      .markNotificationsRead,
  ).toBe(1);
  expect(
    (await rep.request(INBOX, { unread: true })).data.notifications.nodes.map((n: { id: string }) => n.id),
  ).toEqual([repIds[1]]);
  expect((await rep.request(`mutation { markNotificationsRead }`)).data.markNotificationsRead).toBe(1);
  expect((await rep.request(INBOX)).data.unreadNotificationCount).toBe(0);
  // and the owner's are as they were
  expect((await owner.request(INBOX)).data.unreadNotificationCount).toBe(before);
  const listed = (await owner.request(INBOX)).data.notifications.nodes.map((n: { id: string }) => n.id);
  expect(listed.some((id: string) => repIds.includes(id))).toBe(false);
});
