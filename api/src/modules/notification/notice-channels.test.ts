import { NotificationKind } from '@medchannel/shared-schema';
import { codeOf } from '../../../test/harness';
import {
  brand,
  cmId,
  DAY,
  notify,
  owner,
  ownerId,
  qualification,
  repId,
  setUpNoticeWorld,
  t,
  tearDownNoticeWorld,
} from './notice-channels.test-kit';

/**
 * Notices in the inbox: the daily job announces a course due once, opening a record marks the
 * viewer's notices about it read, and nobody is told of a record they may not read. The robots,
 * their delivery and the daily digest are notice-robots.test.ts.
 */
beforeAll(setUpNoticeWorld);
afterAll(tearDownNoticeWorld);

test('nobody is told of a record they may not read: a statement reaches the owner and the reps with finance access only', async () => {
  const [s] = await t.app.ds.query(
    `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
     VALUES ($1, $2, '2030-12', 1, 'ISSUED', 'CNY', 0, 0, 0, 0) RETURNING id`,
    [brand.brandId, brand.distributorIds[0]],
  );
  const tell = () =>
    notify({
      userIds: [ownerId, repId],
      kind: NotificationKind.STATEMENT_ISSUED,
      entity: 'statement',
      entityId: s.id,
      params: { period: '2030-12', version: '1' },
    });
  expect((await tell()).map((n) => n.recipient.id)).toEqual([ownerId]);
  await t.app.ds.query(`UPDATE app_user SET finance_access = true WHERE id = $1`, [repId]);
  expect((await tell()).map((n) => n.recipient.id).sort()).toEqual([ownerId, repId].sort());
});

test('opening a record marks the viewer’s notices about it read, and only the viewer’s', async () => {
  const q = await qualification('2031-03-12');
  await t.app.services.noticeJobs.runDaily(DAY);
  const MARK = `mutation($e: String!, $id: ID!) { markNotificationsReadAbout(entity: $e, entityId: $id) }`;
  const r = await owner.request(MARK, { e: 'qualification', id: q });
  expect(r.errors).toEqual([]);
  expect(r.data.markNotificationsReadAbout).toBe(1);
  expect((await owner.request(MARK, { e: 'qualification', id: q })).data.markNotificationsReadAbout).toBe(0);
  const rows = await t.app.ds.query(`SELECT user_id, read_at FROM notification WHERE entity_id = $1`, [q]);
  expect(rows.find((x: { user_id: string }) => x.user_id === ownerId).read_at).not.toBeNull();
  expect(rows.find((x: { user_id: string }) => x.user_id === cmId).read_at).toBeNull();
  // a record kind the inbox does not know is bad input
  expect(codeOf(await owner.request(MARK, { e: 'app_user', id: q }))).toBe('BAD_USER_INPUT');
});

test('a course due within three days is announced to its learner once; a passed one is not', async () => {
  const [admin] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  const course = async (title: string) =>
    (
      await t.app.ds.query(
        `INSERT INTO course (brand_id, kind, title, published_version, created_by) VALUES ($1, 'SALES', $2, 1, $3) RETURNING id`,
        [brand.brandId, title, admin.id],
      )
    )[0].id as string;
  const due = await course('合规销售 2031');
  const passed = await course('产品入门 2031');
  for (const [courseId, passedAt] of [
    [due, null],
    [passed, DAY],
  ] as const) {
    await t.app.ds.query(
      `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, passed_at) VALUES ($1, $2, $3, $4, '2031-03-12', $5)`,
      [brand.brandId, courseId, repId, brand.distributorIds[0], passedAt],
    );
  }
  await t.app.services.noticeJobs.runDaily(DAY);
  await t.app.services.noticeJobs.runDaily(DAY);
  const told = await t.app.ds.query(
    `SELECT user_id, entity_id, params FROM notification WHERE kind = $1 AND entity_id = ANY($2)`,
    [NotificationKind.TRAINING_DUE_SOON, [due, passed]],
  );
  expect(told).toEqual([{ user_id: repId, entity_id: due, params: { course: '合规销售 2031', dueOn: '2031-03-12' } }]);
});
