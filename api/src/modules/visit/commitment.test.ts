import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { TestPerson, person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode, userByEmail } from '../../db/seed/demo-data';

/**
 * A shared note's commitments: written once however often the request is retried, open in the
 * owner's inbox until acknowledged or disputed, a dispute in the author's regional head's queue
 * (and only theirs) until resolved. 陈静 (GD) writes about 广州粤康, whose owner is 黄志明; the
 * reps and both regional heads are the test's own (none is an isolation-matrix persona).
 */
let t: TestApp;
let cm: GqlClient;
let owner: GqlClient;
let ownerB: GqlClient;
let rep: TestPerson;
let head: TestPerson;
let farHead: TestPerson;

const id = (email: string) => userByEmail(email).id;

beforeAll(async () => {
  t = await startTestApp();
  [cm, owner, ownerB] = await Promise.all(
    ['chen.cm@huakang.demo', 'boss@yuekang.demo', 'boss@huaning.demo'].map((e) => t.as(e)),
  );
  rep = await person(t, 'yk.rep', Role.REP, { distributorCode: 'HK-YK' });
  head = await person(t, 'gd.rh', Role.REGIONAL_HEAD, { regionCode: 'GD' });
  // a regional head for 浙江 only: not in 陈静's management chain
  farHead = await person(t, 'zj.rh', Role.REGIONAL_HEAD, { regionCode: 'ZJ' });
});
afterAll(() => t?.stop());

const WRITE = `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id version visibility cc { id }
  commitments { id itemNo kind status version amount { amount currency } } tasks { id owner { id } } } }`;
const C = `id status version disputeReason resolution answeredBy { displayName } resolvedBy { displayName } note { id }`;
const INBOX = `query($s: [CommitmentStatus!]!) { commitmentInbox(first: 100, statuses: $s) { totalCount nodes { ${C} } } }`;
const QUEUE = `query($s: [CommitmentStatus!]!) { disputedCommitments(first: 100, filter: { statuses: $s }) { totalCount nodes { ${C} } } }`;
const ACK = `mutation($id: ID!, $v: Int!) { acknowledgeCommitment(id: $id, expectedVersion: $v) { ${C} } }`;
const DISPUTE = `mutation($id: ID!, $v: Int!, $r: String!) { disputeCommitment(id: $id, expectedVersion: $v, reason: $r) { ${C} } }`;
const RESOLVE = `mutation($id: ID!, $v: Int!, $r: String!) { resolveCommitment(id: $id, expectedVersion: $v, resolution: $r) { ${C} } }`;

const note = (overrides: Record<string, unknown> = {}) => ({
  hospitalId: HOSPITALS[5].id,
  distributorId: distributorByCode('HK-YK').id,
  visibility: 'SHARED',
  outcome: '承诺流程测试',
  idempotencyKey: randomUUID(),
  ccUserIds: [id('boss@yuekang.demo'), rep.id],
  tasks: [{ title: '发送报价', ownerId: rep.id }],
  commitments: [
    { kind: 'PRICE', description: '首批试剂九折', amount: '1280.50', currency: 'CNY' },
    { kind: 'TRIAL_EQUIPMENT', description: '借用样机两周', dueOn: '2030-01-31' },
  ],
  ...overrides,
});
const ids = (r: GqlResult): string[] =>
  Object.values(r.data as Record<string, { nodes: Array<{ id: string }> }>)[0].nodes.map((n) => n.id);

test('commitments need a shared note that CCs the owner, amounts with their currency', async () => {
  const internal = await cm.request(WRITE, {
    i: note({ visibility: 'INTERNAL', ccUserIds: [id('engineer@huakang.demo')] }),
  });
  expect(internal.errors[0].extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'commitments' });
  const noOwner = await cm.request(WRITE, { i: note({ ccUserIds: [rep.id], tasks: [] }) });
  expect(noOwner.errors[0].extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'ccUserIds' });
  const internalToPartner = await cm.request(WRITE, {
    i: note({ visibility: 'INTERNAL', commitments: [], tasks: [] }),
  });
  expect(internalToPartner.errors[0].extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'ccUserIds' });
  const halfMoney = await cm.request(WRITE, {
    i: note({ commitments: [{ kind: 'PRICE', description: '九折', amount: '10.00' }] }),
  });
  expect(halfMoney.errors[0].extensions).toMatchObject({
    code: ErrorCode.BAD_USER_INPUT,
    field: 'commitments.0.amount',
  });
  const taskToStranger = await cm.request(WRITE, {
    i: note({ tasks: [{ title: '跟进', ownerId: id('engineer@huakang.demo') }] }),
  });
  expect(taskToStranger.errors[0].extensions).toMatchObject({
    code: ErrorCode.BAD_USER_INPUT,
    field: 'tasks.0.ownerId',
  });
  // another distributor's rep, whom the manager does not see, is as if they did not exist
  const otherDistributorsRep = await cm.request(WRITE, {
    i: note({ ccUserIds: [id('boss@yuekang.demo'), id('xu.rep@huaning.demo')], tasks: [] }),
  });
  expect(codeOf(otherDistributorsRep)).toBe(ErrorCode.NOT_FOUND);
});

test('open in the owner’s inbox until answered; a dispute goes to the author’s regional head and only there', async () => {
  const input = note();
  const written = await cm.request(WRITE, { i: input });
  expect(written.errors).toEqual([]);
  const n = written.data.writeVisitNote;
  expect(n.commitments[0].amount).toEqual({ amount: '1280.50', currency: 'CNY' });
  // a retried write is the same note, with its commitments once
  expect((await cm.request(WRITE, { i: input })).data.writeVisitNote.id).toBe(n.id);
  const [{ c }] = await t.app.ds.query(`SELECT count(*)::int AS c FROM visit_commitment WHERE note_id = $1`, [n.id]);
  expect(c).toBe(2);
  const [price, trial] = n.commitments;

  const inbox = await owner.request(INBOX, { s: ['OPEN'] });
  expect(ids(inbox)).toEqual(expect.arrayContaining([price.id, trial.id]));
  // another distributor's owner has nothing of it, and cannot answer it
  expect(ids(await ownerB.request(INBOX, { s: ['OPEN', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED'] }))).not.toContain(
    price.id,
  );
  expect(codeOf(await ownerB.request(ACK, { id: price.id, v: price.version }))).toBe(ErrorCode.NOT_FOUND);
  // a rep reads the note but does not answer for the distributor
  expect(codeOf(await rep.client.request(ACK, { id: price.id, v: price.version }))).toBe(ErrorCode.FORBIDDEN);

  const acked = await owner.request(ACK, { id: price.id, v: price.version });
  expect(acked.data.acknowledgeCommitment).toMatchObject({
    status: 'ACKNOWLEDGED',
    answeredBy: { displayName: '黄志明' },
  });
  // the retry is answered with the same result; nothing is recorded twice
  const retried = await owner.request(ACK, { id: price.id, v: price.version });
  expect(retried.data.acknowledgeCommitment.version).toBe(acked.data.acknowledgeCommitment.version);
  const [{ a }] = await t.app.ds.query(
    `SELECT count(*)::int AS a FROM audit_log WHERE action = 'ACKNOWLEDGE_COMMITMENT' AND changes->>'commitmentId' = $1`,
    [price.id],
  );
  expect(a).toBe(1);
  expect(
    reasonOf(
      await owner.request(DISPUTE, { id: price.id, v: acked.data.acknowledgeCommitment.version, r: '改主意了' }),
    ),
  ).toBe(ErrorReason.ILLEGAL_TRANSITION);

  expect(reasonOf(await owner.request(DISPUTE, { id: trial.id, v: trial.version + 1, r: '样机不够' }))).toBe(
    ErrorReason.STALE_VERSION,
  );
  const disputed = await owner.request(DISPUTE, { id: trial.id, v: trial.version, r: '样机不够，需品牌方直发' });
  expect(disputed.data.disputeCommitment).toMatchObject({
    status: 'DISPUTED',
    disputeReason: '样机不够，需品牌方直发',
  });
  expect(ids(await owner.request(INBOX, { s: ['OPEN'] }))).not.toContain(trial.id);
  expect(ids(await owner.request(INBOX, { s: ['DISPUTED'] }))).toContain(trial.id);

  // the author's regional head hears of it and finds it in the queue; a head elsewhere does not
  const [told] = await t.app.ds.query(
    `SELECT params FROM notification WHERE user_id = $1 AND kind = 'COMMITMENT_DISPUTED' AND entity_id = $2`,
    [head.id, n.id],
  );
  expect(told.params).toMatchObject({ commitmentId: trial.id, reason: '样机不够，需品牌方直发' });
  expect(ids(await head.client.request(QUEUE, { s: ['DISPUTED'] }))).toContain(trial.id);
  expect(ids(await farHead.client.request(QUEUE, { s: ['DISPUTED'] }))).not.toContain(trial.id);
  expect(codeOf(await farHead.client.request(RESOLVE, { id: trial.id, v: 2, r: '越权' }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await cm.request(QUEUE, { s: ['DISPUTED'] }))).toBe(ErrorCode.FORBIDDEN);

  const version = disputed.data.disputeCommitment.version;
  const resolved = await head.client.request(RESOLVE, { id: trial.id, v: version, r: '样机由品牌方直发医院' });
  expect(resolved.data.resolveCommitment).toMatchObject({
    status: 'RESOLVED',
    resolution: '样机由品牌方直发医院',
    resolvedBy: { displayName: '测试gd.rh' },
  });
  expect(ids(await head.client.request(QUEUE, { s: ['DISPUTED'] }))).not.toContain(trial.id);
  expect(ids(await head.client.request(QUEUE, { s: ['RESOLVED'] }))).toContain(trial.id);
  const [ownerTold] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'COMMITMENT_RESOLVED' AND entity_id = $2`,
    [id('boss@yuekang.demo'), n.id],
  );
  expect(ownerTold.n).toBe(1);
});

test('comments reach the same audience; retries write one; tasks are ticked by their owner', async () => {
  const written = await cm.request(WRITE, { i: note({ commitments: [] }) });
  const n = written.data.writeVisitNote;
  const key = randomUUID();
  const COMMENT = `mutation($n: ID!, $b: String!, $k: ID!) { commentOnVisitNote(noteId: $n, body: $b, idempotencyKey: $k) { id body author { displayName } } }`;
  const first = await rep.client.request(COMMENT, { n: n.id, b: '收到，周三前回复', k: key });
  expect(first.data.commentOnVisitNote.author.displayName).toBe('测试yk.rep');
  expect(
    (await rep.client.request(COMMENT, { n: n.id, b: '收到，周三前回复', k: key })).data.commentOnVisitNote.id,
  ).toBe(first.data.commentOnVisitNote.id);
  expect(codeOf(await ownerB.request(COMMENT, { n: n.id, b: '越界', k: randomUUID() }))).toBe(ErrorCode.NOT_FOUND);
  const read = await owner.request(`query($id: ID!) { visitNote(id: $id) { comments { body } } }`, { id: n.id });
  expect(read.data.visitNote.comments).toEqual([{ body: '收到，周三前回复' }]);
  const [{ told }] = await t.app.ds.query(
    `SELECT count(*)::int AS told FROM notification WHERE entity_id = $1 AND kind = 'VISIT_NOTE_COMMENTED'`,
    [n.id],
  );
  expect(told).toBe(2); // the author and the owner; not the commenter

  const TICK = `mutation($id: ID!, $v: Int!, $d: Boolean!) { setVisitTaskDone(id: $id, expectedVersion: $v, done: $d) { id done version } }`;
  const task = n.tasks[0];
  expect(reasonOf(await owner.request(TICK, { id: task.id, v: 1, d: true }))).toBe(ErrorReason.NOT_A_PARTICIPANT);
  const ticked = await rep.client.request(TICK, { id: task.id, v: 1, d: true });
  expect(ticked.data.setVisitTaskDone).toMatchObject({ done: true, version: 2 });
  expect((await rep.client.request(TICK, { id: task.id, v: 1, d: true })).data.setVisitTaskDone.version).toBe(2);
});
