import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { TestPerson, person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';

/**
 * A co-visit from proposal to DONE or CANCELLED: turns, slots, check-in, stale versions and
 * retries. 广州粤康 (GD) with its channel manager 陈静 and owner 黄志明, reps and a 广东 regional
 * head of the test's own (none of them the isolation matrix's personas).
 */
let t: TestApp;
let cm: GqlClient;
let owner: GqlClient;
let ownerB: GqlClient;
let elsewhere: GqlClient;
let rep: TestPerson;
let otherRep: TestPerson;
let head: TestPerson;
const GZ_HOSPITAL = HOSPITALS[5];

beforeAll(async () => {
  t = await startTestApp();
  [cm, owner, ownerB, elsewhere] = await Promise.all(
    ['chen.cm@huakang.demo', 'boss@yuekang.demo', 'boss@huaning.demo', 'zhang.cm@huakang.demo'].map((e) => t.as(e)),
  );
  rep = await person(t, 'yk.rep', Role.REP, { distributorCode: 'HK-YK' });
  otherRep = await person(t, 'yk.rep2', Role.REP, { distributorCode: 'HK-YK' });
  head = await person(t, 'gd.rh', Role.REGIONAL_HEAD, { regionCode: 'GD' });
});
afterAll(() => t?.stop());
afterEach(() => {
  t.app.services.coVisits.clock = () => new Date();
});

const FIELDS = `id status awaitingSide version startsAt checkedInAt cancelReason myTurn goal
  slots { id startsAt endsAt proposedSide proposedBy { displayName } } confirmedSlot { id }
  participants { side checkedInAt user { id displayName } } proposedBy { displayName } hospital { name } distributor { code } products { code }`;
const PROPOSE = `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${FIELDS} } }`;
const MOVE = (name: string, extra = '', extraArgs = '') =>
  `mutation($id: ID!, $v: Int!${extraArgs}) { ${name}(id: $id, expectedVersion: $v${extra}) { ${FIELDS} } }`;
const ACCEPT = MOVE('acceptCoVisitSlot', ', slotId: $s', ', $s: ID!');
const OFFER = MOVE('proposeCoVisitSlot', ', slot: $slot', ', $slot: CoVisitSlotInput!');
const DECLINE = MOVE('declineCoVisit', ', reason: $r', ', $r: String!');
const CANCEL = MOVE('cancelCoVisit', ', reason: $r', ', $r: String!');
const GET = `query($id: ID!) { coVisit(id: $id) { ${FIELDS} } }`;

const slot = (days: number, hh: number) => ({
  startsAt: `${addDays(today(), days)}T${String(hh).padStart(2, '0')}:00:00+08:00`,
  endsAt: `${addDays(today(), days)}T${String(hh + 1).padStart(2, '0')}:30:00+08:00`,
});

function plan(overrides: Record<string, unknown> = {}) {
  return {
    distributorId: distributorByCode('HK-YK').id,
    hospitalId: GZ_HOSPITAL.id,
    goal: '超声科 HK-200 演示',
    slots: [slot(8, 9), slot(9, 14)],
    participantIds: [rep.id],
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

test('proposed, answered with another time, accepted, checked in and done', async () => {
  const input = plan();
  const proposed = await cm.request(PROPOSE, { i: input });
  expect(proposed.errors).toEqual([]);
  const v = proposed.data.proposeCoVisit;
  expect(v).toMatchObject({
    status: 'PROPOSED',
    awaitingSide: 'PARTNER',
    myTurn: false,
    distributor: { code: 'HK-YK' },
  });
  expect(v.participants.map((p: { side: string }) => p.side).sort()).toEqual(['BRAND', 'PARTNER']);

  // a retry with the same key is the same plan; the same key for another plan is refused
  const again = await cm.request(PROPOSE, { i: input });
  expect(again.data.proposeCoVisit.id).toBe(v.id);
  const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM co_visit_slot WHERE co_visit_id = $1`, [v.id]);
  expect(n).toBe(2);
  const reused = await cm.request(PROPOSE, { i: { ...input, goal: '别的目标' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);

  // the proposer cannot answer their own proposal
  const early = await cm.request(ACCEPT, { id: v.id, v: v.version, s: v.slots[0].id });
  expect(reasonOf(early)).toBe(ErrorReason.ILLEGAL_TRANSITION);

  // the rep sees it on the calendar, with their turn; a colleague not on it does not see it at all
  const week = await rep.client.request(
    `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { id myTurn } }`,
    { f: addDays(today(), 7), t: addDays(today(), 13) },
  );
  expect(week.data.myCoVisits).toContainEqual({ id: v.id, myTurn: true });
  expect(codeOf(await otherRep.client.request(GET, { id: v.id }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await ownerB.request(GET, { id: v.id }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await elsewhere.request(GET, { id: v.id }))).toBe(ErrorCode.NOT_FOUND);
  // the owner sees his distributor's plans, but only the people on it act
  expect((await owner.request(GET, { id: v.id })).data.coVisit.id).toBe(v.id);
  expect(reasonOf(await owner.request(ACCEPT, { id: v.id, v: v.version, s: v.slots[0].id }))).toBe(
    ErrorReason.NOT_A_PARTICIPANT,
  );

  // the rep offers another time: still PROPOSED, now awaiting the brand
  const offered = await rep.client.request(OFFER, { id: v.id, v: v.version, slot: slot(10, 15) });
  expect(offered.errors).toEqual([]);
  const o = offered.data.proposeCoVisitSlot;
  expect(o).toMatchObject({ status: 'PROPOSED', awaitingSide: 'BRAND' });
  expect(o.slots).toHaveLength(3);
  // a second offer on the version it saw before is stale
  expect(reasonOf(await rep.client.request(OFFER, { id: v.id, v: v.version, slot: slot(11, 9) }))).toBe(
    ErrorReason.STALE_VERSION,
  );

  // the manager may not accept his own earlier slot, but accepts the rep's
  const own = o.slots.find((s: { proposedSide: string }) => s.proposedSide === 'BRAND');
  const theirs = o.slots.find((s: { proposedSide: string }) => s.proposedSide === 'PARTNER');
  expect(codeOf(await cm.request(ACCEPT, { id: v.id, v: o.version, s: own.id }))).toBe(ErrorCode.BAD_USER_INPUT);
  const accepted = await cm.request(ACCEPT, { id: v.id, v: o.version, s: theirs.id });
  expect(accepted.data.acceptCoVisitSlot).toMatchObject({
    status: 'CONFIRMED',
    awaitingSide: null,
    confirmedSlot: { id: theirs.id },
  });
  expect(accepted.data.acceptCoVisitSlot.startsAt).toBe(theirs.startsAt);
  const c = accepted.data.acceptCoVisitSlot;
  expect(reasonOf(await rep.client.request(DECLINE, { id: v.id, v: c.version, r: '太晚了' }))).toBe(
    ErrorReason.ILLEGAL_TRANSITION,
  );

  // not done before someone checked in
  expect(reasonOf(await cm.request(MOVE('completeCoVisit'), { id: v.id, v: c.version }))).toBe(
    ErrorReason.ILLEGAL_TRANSITION,
  );
  // at the hospital on the visit's day (the service's clock set to that morning)
  t.app.services.coVisits.clock = () => new Date(theirs.startsAt);
  const checkedIn = await rep.client.request(MOVE('checkInCoVisit'), { id: v.id, v: c.version });
  expect(checkedIn.data.checkInCoVisit.checkedInAt).not.toBeNull();
  // the phone retries the check-in: nothing changes
  const retried = await rep.client.request(MOVE('checkInCoVisit'), { id: v.id, v: c.version });
  expect(retried.errors).toEqual([]);
  expect(retried.data.checkInCoVisit.version).toBe(checkedIn.data.checkInCoVisit.version);
  expect(retried.data.checkInCoVisit.checkedInAt).toBe(checkedIn.data.checkInCoVisit.checkedInAt);
  const done = await cm.request(MOVE('completeCoVisit'), { id: v.id, v: checkedIn.data.checkInCoVisit.version });
  expect(done.data.completeCoVisit.status).toBe('DONE');
  expect(reasonOf(await cm.request(CANCEL, { id: v.id, v: done.data.completeCoVisit.version, r: '取消' }))).toBe(
    ErrorReason.ILLEGAL_TRANSITION,
  );

  // the regional head sees it among the team's visits
  const team = await head.client.request(
    `query($u: ID) { teamCoVisits(first: 100, filter: { userId: $u, statuses: [DONE] }) { nodes { id } } }`,
    { u: userByEmail('chen.cm@huakang.demo').id },
  );
  expect(team.data.teamCoVisits.nodes.map((x: { id: string }) => x.id)).toContain(v.id);
  // every move left an audit row and told the other side
  const [{ audits }] = await t.app.ds.query(
    `SELECT count(*)::int AS audits FROM audit_log WHERE entity = 'co_visit' AND entity_id = $1`,
    [v.id],
  );
  expect(audits).toBe(5);
  const kinds = await t.app.ds.query(
    `SELECT kind FROM notification WHERE entity_id = $1 AND user_id = $2 ORDER BY seq`,
    [v.id, rep.id],
  );
  expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['CO_VISIT_PROPOSED', 'CO_VISIT_CONFIRMED']);
});

test('the rep proposes from the phone; the manager declines with a reason', async () => {
  const proposed = await rep.client.request(PROPOSE, {
    i: plan({ distributorId: null, participantIds: [userByEmail('chen.cm@huakang.demo').id] }),
  });
  expect(proposed.errors).toEqual([]);
  const v = proposed.data.proposeCoVisit;
  expect(v.awaitingSide).toBe('BRAND');
  expect(codeOf(await cm.request(DECLINE, { id: v.id, v: v.version, r: 'x' }))).toBe(ErrorCode.BAD_USER_INPUT);
  const declined = await cm.request(DECLINE, { id: v.id, v: v.version, r: '那周在深圳开会' });
  expect(declined.data.declineCoVisit).toMatchObject({ status: 'CANCELLED', cancelReason: '那周在深圳开会' });
});

test('a plan needs both sides, the visit’s own distributor’s people, and hospitals the proposer sees (南京鼓楼 is outside 粤康’s grants)', async () => {
  const brandOnly = await cm.request(PROPOSE, {
    i: plan({ participantIds: [userByEmail('engineer@huakang.demo').id] }),
  });
  expect(codeOf(brandOnly)).toBe(ErrorCode.BAD_USER_INPUT);
  // a rep of a distributor the manager does not see is as if they did not exist
  const foreignRep = await cm.request(PROPOSE, {
    i: plan({ participantIds: [userByEmail('xu.rep@huaning.demo').id] }),
  });
  expect(codeOf(foreignRep)).toBe(ErrorCode.NOT_FOUND);
  const foreignHospital = await rep.client.request(PROPOSE, {
    i: plan({
      distributorId: null,
      hospitalId: HOSPITALS[3].id,
      participantIds: [userByEmail('chen.cm@huakang.demo').id],
    }),
  });
  expect(codeOf(foreignHospital)).toBe(ErrorCode.NOT_FOUND);
  const backwards = await cm.request(PROPOSE, {
    i: plan({ slots: [{ startsAt: slot(8, 10).endsAt, endsAt: slot(8, 10).startsAt }] }),
  });
  expect(codeOf(backwards)).toBe(ErrorCode.BAD_USER_INPUT);
});
