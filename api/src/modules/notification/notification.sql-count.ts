import { Audience, NotificationKind } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/**
 * The inbox of both apps (the order fixture writes the owner's; the seed below a page of the
 * admin's), and the settings screens' reads: preferences and robots cost the same whatever was chosen.
 */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, adminId }) => {
    for (let i = 0; i < 30; i++) {
      await ds.query(
        `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, $3, 'order', gen_random_uuid(), $4)`,
        [brand.brandId, adminId, NotificationKind.ORDER_PLACED, JSON.stringify({ number: `SO-${i}` })],
      );
    }
  },
  lists: [
    {
      name: 'notifications (portal)',
      max: 3,
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { notifications(first: $n) { totalCount nodes { kind params { name value } } } }`,
    },
    {
      name: 'notifications (console inbox, with the bell’s count)',
      max: 4,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { notifications(first: $n, unreadOnly: true) { totalCount nodes { id kind entity entityId readAt createdAt params { name value } } } unreadNotificationCount }`,
    },
  ],
  tests: {
    'notice preferences and robots cost the same however many choices are stored': async ({ t, brand }) => {
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const read = `{ notificationPreferences { kind channel delivery } groupRobots { id provider enabled hasSecret } }`;
      const before = await owner.request(read);
      expect(before.errors).toEqual([]);
      const all = before.data.notificationPreferences.map((p: { kind: string; channel: string }) => ({
        kind: p.kind,
        channel: p.channel,
        delivery: 'OFF',
      }));
      const set = await owner.request(
        `mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind } }`,
        { c: all },
      );
      expect(set.errors).toEqual([]);
      const after = await owner.request(read);
      expect(after.sqlCount).toBe(before.sqlCount);
      expect(after.sqlCount).toBeLessThanOrEqual(4);
      // and saving every choice at once is a fixed number of statements
      expect(set.sqlCount).toBeLessThanOrEqual(8);
    },
    'a robot’s delivery log costs the same however many attempts it lists; a test message a fixed number': async ({
      t,
      brand,
    }) => {
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const [robot] = await t.app.ds.query(
        `INSERT INTO group_robot (brand_id, provider, url) VALUES ($1, 'DINGTALK', 'http://127.0.0.1:9/robot/send') RETURNING id`,
        [brand.brandId],
      );
      const attempts = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const [e] = await t.app.ds.query(
            `INSERT INTO outbox_event (brand_id, channel, type, entity, entity_id, payload) VALUES ($1, 'GROUP_ROBOT', 'TEST', 'group_robot', $2, $3) RETURNING id`,
            [brand.brandId, robot.id, JSON.stringify({ robotId: robot.id, text: 'x' })],
          );
          await t.app.ds.query(
            `INSERT INTO webhook_delivery (brand_id, channel, event_id, attempt, url, status_code, ok, error, duration_ms)
             VALUES ($1, 'GROUP_ROBOT', $2, 1, 'http://127.0.0.1:9/robot/send', 500, false, 'HTTP_5XX', 100)`,
            [brand.brandId, e.id],
          );
        }
      };
      const read = `query($id: ID!) { groupRobotDeliveries(robotId: $id, first: 50) { totalCount nodes { id messageType attempt statusCode ok error durationMs createdAt } } }`;
      await attempts(1);
      const one = await admin.request(read, { id: robot.id });
      expect(one.errors).toEqual([]);
      expect(one.data.groupRobotDeliveries.totalCount).toBe(1);
      await attempts(30);
      const many = await admin.request(read, { id: robot.id });
      expect(many.data.groupRobotDeliveries.nodes).toHaveLength(31);
      expect(many.sqlCount).toBe(one.sqlCount);
      expect(many.sqlCount).toBeLessThanOrEqual(5);
      const test = await admin.request(`mutation($id: ID!) { sendGroupRobotTest(robotId: $id) }`, { id: robot.id });
      expect(test.errors).toEqual([]);
      expect(test.sqlCount).toBeLessThanOrEqual(6);
    },
  },
};
