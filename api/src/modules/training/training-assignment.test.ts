import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason, NotificationKind } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { DISTRIBUTORS, USERS } from '../../db/seed/demo-data';
import { SEED_COURSE_CL, SEED_COURSE_SALES } from '../../db/seed/training-data';
import { addMonths, today } from '../../common/dates';
import { IMG, IVD, t, trainer, withTrainingWorld } from './training.test-kit';

/** Assignment fan-out and reminders, readiness and completion reports. */
withTrainingWorld();

describe('assignments', () => {
  const ASSIGN = `mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id enrolled dueOn } }`;

  it('fans a campaign out to everyone authorized for the line in the assigner’s regions, once, and notifies each', async () => {
    const due = addMonths(today(), 1);
    const input = {
      courseId: SEED_COURSE_SALES,
      productLineIds: [IMG],
      roles: ['REP'],
      dueOn: due,
      idempotencyKey: randomUUID(),
    };
    const first = await trainer.request(ASSIGN, { i: input });
    expect(first.errors).toEqual([]);
    // the oracle from the seed: reps of distributors with a live grant for 超声影像 (by line or product), in 浙江/江苏
    const reps = [
      'li.rep@kangda.demo',
      'wang.rep@kangda.demo',
      'sun.rep@kangda.demo',
      'zhou.rep@nbruikang.demo',
      'xu.rep@huaning.demo',
    ];
    expect(first.data.assignCourse.enrolled).toBe(reps.length);
    const rows: Array<{ email: string; due_on: string }> = await t.app.ds.query(
      `SELECT u.email, e.due_on::text FROM training_enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.course_id = $1 ORDER BY u.email`,
      [SEED_COURSE_SALES],
    );
    // 南京华宁's people were already on it (overdue): they keep the earlier due date
    expect(rows.filter((r) => reps.includes(r.email)).map((r) => [r.email, r.due_on === due])).toEqual(
      [...reps].sort().map((email) => [email, email !== 'xu.rep@huaning.demo']),
    );
    const again = await trainer.request(ASSIGN, { i: input });
    expect(again.data.assignCourse.id).toBe(first.data.assignCourse.id);
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND entity_id = $2`,
      [NotificationKind.TRAINING_ASSIGNED, SEED_COURSE_SALES],
    );
    expect(n).toBe(reps.length);
    const reused = await trainer.request(ASSIGN, { i: { ...input, roles: ['OWNER'] } });
    expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  });

  it('assigns by tier and named distributors, never outside the assigner’s scope', async () => {
    const tier2 = await trainer.request(ASSIGN, {
      i: { courseId: SEED_COURSE_SALES, tiers: [2], dueOn: addMonths(today(), 2), idempotencyKey: randomUUID() },
    });
    const expected = USERS.filter((u) =>
      DISTRIBUTORS.some(
        (d) =>
          d.code === u.distributorCode &&
          d.tier === 2 &&
          d.brandId === u.brandId &&
          ['ZJ-NB', 'JS-SZ'].includes(d.regionCode),
      ),
    );
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM training_enrollment WHERE assignment_id = $1 OR (course_id = $2 AND user_id = ANY($3))`,
      [tier2.data.assignCourse.id, SEED_COURSE_SALES, expected.map((u) => u.id)],
    );
    expect(n).toBe(expected.length);
    const yk = DISTRIBUTORS.find((d) => d.code === 'HK-YK')!;
    const outside = await trainer.request(ASSIGN, {
      i: {
        courseId: SEED_COURSE_SALES,
        distributorIds: [yk.id],
        dueOn: addMonths(today(), 1),
        idempotencyKey: randomUUID(),
      },
    });
    expect(codeOf(outside)).toBe(ErrorCode.NOT_FOUND);
    const nothing = await trainer.request(ASSIGN, {
      i: { courseId: SEED_COURSE_SALES, dueOn: addMonths(today(), 1), idempotencyKey: randomUUID() },
    });
    expect(codeOf(nothing)).toBe(ErrorCode.BAD_USER_INPUT);
    const past = await trainer.request(ASSIGN, {
      i: { courseId: SEED_COURSE_SALES, tiers: [1], dueOn: '2020-01-01', idempotencyKey: randomUUID() },
    });
    expect(past.errors[0].extensions?.field).toBe('dueOn');
    const rep = await t.as('sun.rep@kangda.demo');
    expect(
      codeOf(
        await rep.request(ASSIGN, {
          i: { courseId: SEED_COURSE_SALES, tiers: [1], dueOn: addMonths(today(), 1), idempotencyKey: randomUUID() },
        }),
      ),
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('reminds the overdue and their owner, at most once a week', async () => {
    const reminded = await t.app.services.assignments.remindOverdue();
    expect(reminded).toBeGreaterThanOrEqual(2);
    const boss = await t.as('boss@huaning.demo');
    const inbox = await boss.request(`{ notifications(first: 20) { nodes { kind params { name value } } } }`);
    const overdue = inbox.data.notifications.nodes.filter(
      (n: { kind: string }) => n.kind === NotificationKind.TRAINING_OVERDUE,
    );
    const learners = overdue
      .map((n: { params: Array<{ name: string; value: string }> }) => n.params.find((p) => p.name === 'learner')!.value)
      .sort();
    expect(learners).toEqual(['徐丽', '马晓东'].sort());
    expect(await t.app.services.assignments.remindOverdue()).toBe(0);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await t.app.services.assignments.remindOverdue(later)).toBeGreaterThanOrEqual(2);
  });
});

describe('readiness and completion', () => {
  it('shows an owner their team’s certified lines, a rep only themselves, and the brand by region', async () => {
    const READY = `query($l: ID) { trainingReadiness(first: 50, productLineId: $l) { totalCount nodes { user { email } distributor { code } assigned completed overdue certifiedLines { productLine { code } validTo } } } }`;
    const ykOwner = await t.as('boss@yuekang.demo');
    const own = await ykOwner.request(READY, { l: IVD });
    expect(own.data.trainingReadiness.nodes).toEqual([
      expect.objectContaining({
        user: { email: 'boss@yuekang.demo' },
        distributor: { code: 'HK-YK' },
        completed: 1,
        certifiedLines: [expect.objectContaining({ productLine: { code: 'IVD' } })],
      }),
    ]);
    const admin = await t.as('admin@huakang.demo');
    const all = await admin.request(READY, { l: IVD });
    expect(all.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).toContain(
      'boss@yuekang.demo',
    );
    const byTrainer = await trainer.request(READY, { l: IVD });
    expect(byTrainer.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).not.toContain(
      'boss@yuekang.demo',
    );
    const rep = await t.as('wang.rep@kangda.demo');
    const self = await rep.request(READY, { l: null });
    expect(self.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).toEqual([
      'wang.rep@kangda.demo',
    ]);
  });

  it('counts assigned, started, completed and overdue by distributor', async () => {
    const admin = await t.as('admin@huakang.demo');
    const r = await admin.request(
      `query($c: ID) { trainingCompletion(groupBy: DISTRIBUTOR, courseId: $c) { key label assigned started completed overdue } }`,
      { c: SEED_COURSE_CL },
    );
    const [db] = await t.app.ds.query(
      `SELECT count(*)::int AS assigned, count(started_at)::int AS started, count(passed_at)::int AS completed FROM training_enrollment WHERE course_id = $1 AND distributor_id = $2`,
      [SEED_COURSE_CL, DISTRIBUTORS.find((d) => d.code === 'HK-YK')!.id],
    );
    expect(
      r.data.trainingCompletion.find((row: { label: string }) => row.label === '广州粤康医疗科技有限公司'),
    ).toMatchObject({ ...db, overdue: 0 });
    const byTrainer = await trainer.request(`{ trainingCompletion(groupBy: REGION) { label } }`);
    expect(byTrainer.data.trainingCompletion.map((row: { label: string }) => row.label).sort()).toEqual(
      ['江苏省', '浙江省'].sort(),
    );
  });
});
