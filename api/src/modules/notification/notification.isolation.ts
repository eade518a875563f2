import { randomUUID } from 'node:crypto';
import { NOTICE_KINDS, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import type { DataSource } from 'typeorm';
import type { SeedUser } from '../../db/seed/demo-data';
import { CaseInput, OperationCase } from '../../../test/isolation/types';

/**
 * Robots the persona's side must not reach, one of each kind (written here, so they exist whatever
 * ran before): another brand's, a distributor's of the persona's brand that is not theirs, and for a
 * partner the brand's own. Each id answers NOT_FOUND.
 */
async function foreignRobots(ds: DataSource, user: SeedUser): Promise<string[]> {
  const [me] = await ds.query(`SELECT distributor_id FROM app_user WHERE id = $1`, [user.id]);
  const [other] = await ds.query(`SELECT id FROM brand WHERE id <> $1 ORDER BY id LIMIT 1`, [user.brandId]);
  const [dist] = await ds.query(
    `SELECT id FROM distributor WHERE brand_id = $1 AND id IS DISTINCT FROM $2 ORDER BY id LIMIT 1`,
    [user.brandId, me?.distributor_id ?? null],
  );
  const owners: Array<[string, string | null]> = [
    [other.id, null],
    [user.brandId, dist.id],
    ...(me?.distributor_id ? [[user.brandId, null] as [string, null]] : []),
  ];
  const ids: string[] = [];
  for (const [brandId, distributorId] of owners) {
    await ds.query(
      `INSERT INTO group_robot (brand_id, distributor_id, provider, url) VALUES ($1, $2, 'WECOM', 'http://127.0.0.1:9/cgi-bin/webhook/send?key=foreign')
       ON CONFLICT DO NOTHING`,
      [brandId, distributorId],
    );
    const [r] = await ds.query(
      `SELECT id FROM group_robot WHERE brand_id = $1 AND distributor_id IS NOT DISTINCT FROM $2 AND provider = 'WECOM'`,
      [brandId, distributorId],
    );
    ids.push(r.id);
  }
  return ids;
}

/** The persona's own robot (set through the API, so it exists when the persona may set one). */
async function ownRobot({ client }: CaseInput): Promise<string> {
  const set = await client.request(
    `mutation { setGroupRobot(provider: WECOM, url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=matrix", enabled: true) { id } }`,
  );
  return set.data?.setGroupRobot?.id ?? randomUUID();
}

/**
 * The inbox and the notice settings: each person's own (no id of someone else's to aim at: the
 * viewer's notices, choices and side's robots are all there is), and the robots for their side's
 * heads only (the brand's admins, a distributor's owner).
 */
export const NOTIFICATION_OPERATIONS: Record<string, OperationCase> = {
  notifications: {
    allowed: 'any',
    own: () => ({
      query: `{ notifications(first: 50) { totalCount pageInfo { hasNextPage } nodes { id kind entity entityId readAt createdAt params { name value } } } }`,
    }),
  },
  unreadNotificationCount: {
    allowed: 'any',
    own: () => ({ query: `{ unreadNotificationCount }` }),
  },
  markNotificationsRead: {
    allowed: 'any',
    own: () => ({
      query: `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      variables: { ids: [randomUUID()] },
    }),
  },
  markNotificationsReadAbout: {
    allowed: 'any',
    own: () => ({
      query: `mutation($id: ID!) { markNotificationsReadAbout(entity: "order", entityId: $id) }`,
      variables: { id: randomUUID() },
    }),
    // another person's notices about a record: answered 0, nothing of theirs is marked
    foreign: async ({ user, ds }) => {
      const rows: Array<{ entity: string; entity_id: string }> = await ds.query(
        `SELECT entity, entity_id FROM notification WHERE user_id <> $1 AND read_at IS NULL AND entity = 'order' LIMIT 3`,
        [user.id],
      );
      return rows.map((r) => ({
        query: `mutation($id: ID!) { markNotificationsReadAbout(entity: "order", entityId: $id) }`,
        variables: { id: r.entity_id },
        expect: 'LISTED' as const,
      }));
    },
  },
  notificationPreferences: {
    allowed: 'any',
    own: () => ({ query: `{ notificationPreferences { kind channel delivery } }` }),
  },
  setNotificationPreferences: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind channel delivery } }`,
      variables: {
        c: [{ kind: NOTICE_KINDS[sideOfRole(user.role)][0], channel: 'GROUP_ROBOT', delivery: 'DIGEST' }],
      },
    }),
    mutates: true,
  },
  groupRobots: {
    allowed: rolesFor('notice.configureRobots'),
    own: () => ({ query: `{ groupRobots { id provider enabled hasSecret version updatedAt } }` }),
  },
  setGroupRobot: {
    allowed: rolesFor('notice.configureRobots'),
    // an allow-listed address nothing listens on: messages fail fast and are only logged
    own: () => ({
      query: `mutation { setGroupRobot(provider: DINGTALK, url: "http://127.0.0.1:9/robot/send?access_token=matrix", secret: "SECmatrix") { id provider enabled hasSecret } }`,
    }),
    mutates: true,
  },
  sendGroupRobotTest: {
    allowed: rolesFor('notice.configureRobots'),
    own: async (p) => ({
      query: `mutation($id: ID!) { sendGroupRobotTest(robotId: $id) }`,
      variables: { id: await ownRobot(p) },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignRobots(ds, user)).map((id) => ({
        query: `mutation($id: ID!) { sendGroupRobotTest(robotId: $id) }`,
        variables: { id },
      })),
    mutates: true,
  },
  groupRobotDeliveries: {
    allowed: rolesFor('notice.configureRobots'),
    own: async (p) => ({
      query: `query($id: ID!) { groupRobotDeliveries(robotId: $id, first: 20) { totalCount nodes { id messageType attempt statusCode ok error durationMs createdAt } } }`,
      variables: { id: await ownRobot(p) },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignRobots(ds, user)).map((id) => ({
        query: `query($id: ID!) { groupRobotDeliveries(robotId: $id, first: 20) { totalCount } }`,
        variables: { id },
      })),
  },
};
