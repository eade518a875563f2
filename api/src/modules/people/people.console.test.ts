import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { withDemoPassword } from '../../../test/factories';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';

/**
 * A distributor's people from the console: its channel manager (or an admin) disables a person of
 * a distributor he sees and enables him again, and hands a disabled person's open work (co-visits
 * and follow-up tasks) to an active colleague; another region's person answers NOT_FOUND.
 */
let t: TestApp;
let cm: GqlClient;
let otherCm: GqlClient;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  cm = await t.as('zhang.cm@huakang.demo');
  otherCm = await t.as('chen.cm@huakang.demo');
  admin = await t.as('admin@huakang.demo');
});
afterAll(() => t?.stop());

const one = async (sql: string, params: unknown[]) => (await t.app.ds.query(sql, params))[0];
const idOf = async (email: string) =>
  (await one(`SELECT id, brand_id FROM app_user WHERE email = $1`, [email])) as {
    id: string;
    brand_id: string;
  };

/** A signed-in rep of 杭州康达 of this file's own. */
async function rep(tag: string): Promise<{ id: string; email: string }> {
  const email = `console-${tag}-${randomUUID().slice(0, 8)}@kangda.demo`;
  const kd = await one(`SELECT id, brand_id FROM distributor WHERE code = 'HK-KD'`, []);
  const u = await one(
    `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id, activated_at)
     VALUES ($1, $2, $3, 'PARTNER', 'REP', $4, now()) RETURNING id`,
    [kd.brand_id, email, `代表${tag}`, kd.id],
  );
  await withDemoPassword(t.app.ds, email);
  return { id: u.id, email };
}

const DISABLE = `mutation($id: ID!, $d: Boolean!) { setUserDisabled(userId: $id, disabled: $d) { id status } }`;
const HOLDINGS = `query($id: ID!) { userHoldings(userId: $id, first: 20) { totalCount nodes { id } }
  userTaskHoldings(userId: $id, first: 20) { totalCount nodes { id title note { id } } } }`;
const HAND = `mutation($i: HandOverWorkInput!) { handOverWork(input: $i) { coVisits tasks } }`;

/** An open co-visit with the channel manager `brandUser` and `partner` on it. */
async function coVisit(brandUser: string, partner: string, status = 'CONFIRMED'): Promise<string> {
  const cmRow = await idOf(brandUser);
  const kd = await one(`SELECT id FROM distributor WHERE code = 'HK-KD'`, []);
  const hospital = await one(`SELECT id FROM hospital WHERE brand_id = $1 ORDER BY name LIMIT 1`, [cmRow.brand_id]);
  const v = await one(
    `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, starts_at, proposed_by, idempotency_key, request_hash)
     VALUES ($1, $2, $3, '交接协访', $4, now() + interval '3 days', $5, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [cmRow.brand_id, kd.id, hospital.id, status, cmRow.id],
  );
  await t.app.ds.query(
    `INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, 'BRAND'), ($1, $2, $4, 'PARTNER')`,
    [cmRow.brand_id, v.id, cmRow.id, partner],
  );
  return v.id;
}

/** A shared note by `author` about 杭州康达 with `owner` on its CC list and one open task of his (and one done). */
async function task(author: string, owner: string): Promise<{ note: string; task: string }> {
  const a = await idOf(author);
  const kd = await one(`SELECT id FROM distributor WHERE code = 'HK-KD'`, []);
  const hospital = await one(`SELECT id FROM hospital WHERE brand_id = $1 ORDER BY name LIMIT 1`, [a.brand_id]);
  const note = await one(
    `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, 'SHARED', current_date, '交接记录', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [a.brand_id, a.id, hospital.id, kd.id],
  );
  await t.app.ds.query(`INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $4)`, [
    a.brand_id,
    note.id,
    owner,
    a.id,
  ]);
  const [open] = await t.app.ds.query(
    `INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) VALUES ($1, $2, 1, '送样品', $3) RETURNING id`,
    [a.brand_id, note.id, owner],
  );
  await t.app.ds.query(
    `INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id, done_at, done_by) VALUES ($1, $2, 2, '已完成', $3, now(), $3)`,
    [a.brand_id, note.id, owner],
  );
  return { note: note.id, task: open.id };
}

describe('a channel manager and a distributor’s people', () => {
  test('disables a rep of his distributor (his session dies at once) and enables him again', async () => {
    const r = await rep('off');
    const session = t.client(Audience.PORTAL);
    await session.login(r.email);
    expect((await session.request(`{ me { id } }`)).errors).toEqual([]);

    const off = await cm.request(DISABLE, { id: r.id, d: true });
    expect(off.errors).toEqual([]);
    expect(off.data.setUserDisabled.status).toBe('DISABLED');
    expect(codeOf(await session.request(`{ me { id } }`))).toBe(ErrorCode.UNAUTHENTICATED);
    const audited = await t.app.ds.query(
      `SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY created_at`,
      [r.id],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['DISABLE_USER']);

    const on = await cm.request(DISABLE, { id: r.id, d: false });
    expect(on.data.setUserDisabled.status).toBe('ACTIVE');
    const again = t.client(Audience.PORTAL);
    await again.login(r.email);
    expect((await again.request(`{ me { id } }`)).errors).toEqual([]);
  });

  test('another region’s channel manager reaches none of it: NOT_FOUND, like a missing person, and nothing changes', async () => {
    const r = await rep('far');
    const colleague = await rep('far2');
    await coVisit('zhang.cm@huakang.demo', r.id);
    expect(codeOf(await otherCm.request(DISABLE, { id: r.id, d: true }))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(await otherCm.request(HOLDINGS, { id: r.id }))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(await otherCm.request(HAND, { i: { fromUserId: r.id, toUserId: colleague.id } }))).toBe(
      ErrorCode.NOT_FOUND,
    );
    // a missing person answers the same
    expect(codeOf(await otherCm.request(DISABLE, { id: randomUUID(), d: true }))).toBe(ErrorCode.NOT_FOUND);
    const row = await one(`SELECT disabled_at FROM app_user WHERE id = $1`, [r.id]);
    expect(row.disabled_at).toBeNull();
    const written = await one(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [r.id]);
    expect(written.n).toBe(0);
  });

  test('may not act on the brand’s own people', async () => {
    const engineer = await idOf('engineer@huakang.demo');
    // the brand's people are read by every brand user, so the refusal is the manage check's
    expect(codeOf(await cm.request(DISABLE, { id: engineer.id, d: true }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('handing a disabled person’s open work to a colleague', () => {
  test('co-visits and tasks move together, the recipient is told and reads them; sent again nothing moves twice', async () => {
    const leaving = await rep('leaving');
    const taking = await rep('taking');
    const visit = await coVisit('zhang.cm@huakang.demo', leaving.id);
    const done = await coVisit('zhang.cm@huakang.demo', leaving.id, 'DONE');
    const { note, task: open } = await task('zhang.cm@huakang.demo', leaving.id);
    await admin.request(DISABLE, { id: leaving.id, d: true });

    const held = await cm.request(HOLDINGS, { id: leaving.id });
    expect(held.errors).toEqual([]);
    expect(held.data.userHoldings.nodes.map((v: { id: string }) => v.id)).toEqual([visit]);
    expect(held.data.userTaskHoldings.nodes).toEqual([{ id: open, title: '送样品', note: { id: note } }]);

    // not to a disabled person, nor to himself
    expect(codeOf(await cm.request(HAND, { i: { fromUserId: leaving.id, toUserId: leaving.id } }))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    const moved = await cm.request(HAND, { i: { fromUserId: leaving.id, toUserId: taking.id } });
    expect(moved.errors).toEqual([]);
    expect(moved.data.handOverWork).toEqual({ coVisits: 1, tasks: 1 });
    const after = await cm.request(HOLDINGS, { id: leaving.id });
    expect(after.data.userHoldings.totalCount).toBe(0);
    expect(after.data.userTaskHoldings.totalCount).toBe(0);
    expect((await one(`SELECT owner_id FROM visit_task WHERE id = $1`, [open])).owner_id).toBe(taking.id);
    // the finished visit and the done task stay his
    expect(
      await t.app.ds.query(`SELECT 1 FROM co_visit_participant WHERE co_visit_id = $1 AND user_id = $2`, [
        done,
        leaving.id,
      ]),
    ).toHaveLength(1);

    // the recipient reads what he now holds, and was told of each once
    const recipient = t.client(Audience.PORTAL);
    await recipient.login(taking.email);
    const his = await recipient.request(`query($id: ID!) { visitNote(id: $id) { id tasks { id owner { id } } } }`, {
      id: note,
    });
    expect(his.errors).toEqual([]);
    expect(his.data.visitNote.tasks.find((x: { id: string }) => x.id === open).owner.id).toBe(taking.id);
    const told = async () =>
      (
        await t.app.ds.query(`SELECT kind, entity_id FROM notification WHERE user_id = $1 ORDER BY kind`, [taking.id])
      ).map((n: { kind: string; entity_id: string }) => `${n.kind}:${n.entity_id}`);
    expect(await told()).toEqual([`CO_VISIT_CONFIRMED:${visit}`, `VISIT_TASK_ASSIGNED:${note}`]);

    // sent again (all, or by the very ids): nothing moves twice, nobody is told twice
    const twice = await cm.request(HAND, { i: { fromUserId: leaving.id, toUserId: taking.id } });
    expect(twice.data.handOverWork).toEqual({ coVisits: 0, tasks: 0 });
    const byIds = await cm.request(HAND, {
      i: { fromUserId: leaving.id, toUserId: taking.id, coVisitIds: [visit], taskIds: [open] },
    });
    expect(byIds.errors).toEqual([]);
    expect(byIds.data.handOverWork).toEqual({ coVisits: 0, tasks: 0 });
    expect(await told()).toHaveLength(2);

    // audited: each item and the hand-over itself
    const trail = await t.app.ds.query(
      `SELECT entity, entity_id, changes FROM audit_log WHERE action = 'HAND_OVER' AND entity_id = ANY($1) ORDER BY entity`,
      [[visit, note, leaving.id]],
    );
    expect(trail.map((a: { entity: string }) => a.entity)).toEqual(['co_visit', 'user', 'user', 'user', 'visit_note']);
    expect(trail[4].changes).toMatchObject({ taskId: open, to: taking.id });
  });

  test('a channel manager is offered only what his scope reads; an id outside it answers NOT_FOUND', async () => {
    const leaving = await rep('scoped');
    const taking = await rep('scoped2');
    // on a co-visit with the admin, and a task from the admin's note: not the channel manager's to see
    const foreignVisit = await coVisit('admin@huakang.demo', leaving.id);
    const { task: foreignTask } = await task('admin@huakang.demo', leaving.id);
    const mine = await coVisit('zhang.cm@huakang.demo', leaving.id);

    const held = await cm.request(HOLDINGS, { id: leaving.id });
    expect(held.data.userHoldings.nodes.map((v: { id: string }) => v.id)).toEqual([mine]);
    expect(held.data.userTaskHoldings.totalCount).toBe(0);
    expect((await admin.request(HOLDINGS, { id: leaving.id })).data.userTaskHoldings.totalCount).toBe(1);

    const i = { fromUserId: leaving.id, toUserId: taking.id };
    expect(codeOf(await cm.request(HAND, { i: { ...i, coVisitIds: [foreignVisit], taskIds: [] } }))).toBe(
      ErrorCode.NOT_FOUND,
    );
    expect(codeOf(await cm.request(HAND, { i: { ...i, coVisitIds: [], taskIds: [foreignTask] } }))).toBe(
      ErrorCode.NOT_FOUND,
    );
    // all he sees moves; the rest stays for the admin to hand on
    expect((await cm.request(HAND, { i })).data.handOverWork).toEqual({ coVisits: 1, tasks: 0 });
    expect((await one(`SELECT owner_id FROM visit_task WHERE id = $1`, [foreignTask])).owner_id).toBe(leaving.id);
    const left = await admin.request(HOLDINGS, { id: leaving.id });
    expect(left.data.userHoldings.nodes.map((v: { id: string }) => v.id)).toEqual([foreignVisit]);
  });
});
