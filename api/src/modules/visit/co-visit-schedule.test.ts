import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { TestPerson, person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';

/**
 * Nobody is booked twice without saying so, and check-in is open on the visit's own day (China
 * time). The visits sit on a day of their own, far from the seed's, and "now" is the
 * service's clock, set by each test: nothing depends on the day the suite runs.
 */
let t: TestApp;
let cm: GqlClient;
let rep: TestPerson;
let otherRep: TestPerson;
let head: TestPerson;
// ~200 days ahead: within the year a slot may be planned in, far from the seed's visits
const DAY = addDays(today(), 200);
const dayOff = (n: number) => addDays(DAY, n);
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00+08:00`;

beforeAll(async () => {
  t = await startTestApp();
  cm = await t.as('chen.cm@huakang.demo');
  rep = await person(t, 'sch.rep', Role.REP, { distributorCode: 'HK-YK' });
  otherRep = await person(t, 'sch.rep2', Role.REP, { distributorCode: 'HK-YK' });
  head = await person(t, 'sch.rh', Role.REGIONAL_HEAD, { regionCode: 'GD' });
});
afterAll(() => t?.stop());
afterEach(() => {
  t.app.services.coVisits.clock = () => new Date();
});

const FIELDS = 'id status version startsAt checkInOpen slots { id startsAt proposedSide }';
const PROPOSE = `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${FIELDS} } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!, $s: ID!, $c: Boolean) { acceptCoVisitSlot(id: $id, expectedVersion: $v, slotId: $s, confirmOverlap: $c) { ${FIELDS} } }`;
const OFFER = `mutation($id: ID!, $v: Int!, $slot: CoVisitSlotInput!, $c: Boolean) { proposeCoVisitSlot(id: $id, expectedVersion: $v, slot: $slot, confirmOverlap: $c) { ${FIELDS} } }`;
const CHECK_IN = `mutation($id: ID!, $v: Int!) { checkInCoVisit(id: $id, expectedVersion: $v) { id checkedInAt version } }`;

/** What a refused request's error carries beside its code. */
const ext = (r: { errors?: Array<{ extensions?: unknown }> }) =>
  (r.errors?.[0]?.extensions ?? {}) as Record<string, unknown>;

const plan = (participantIds: string[], slots: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({
  distributorId: distributorByCode('HK-YK').id,
  hospitalId: HOSPITALS[5].id,
  goal: '超声科 HK-200 跟台',
  slots: slots.map(([from, to]) => ({ startsAt: at(from), endsAt: at(to) })),
  participantIds,
  idempotencyKey: randomUUID(),
  ...extra,
});

/** Proposed by `by`, accepted at its first slot by `answer`: a confirmed visit. */
async function confirmed(by: GqlClient, answer: GqlClient, participantIds: string[], from: string, to: string) {
  const p = await by.request(PROPOSE, { i: plan(participantIds, [[from, to]]) });
  expect(p.errors).toEqual([]);
  const v = p.data.proposeCoVisit;
  const a = await answer.request(ACCEPT, { id: v.id, v: v.version, s: v.slots[0].id });
  expect(a.errors).toEqual([]);
  return a.data.acceptCoVisitSlot;
}

test('proposing or accepting a time that overlaps a participant’s confirmed visit warns first, writes nothing, and goes through when confirmed', async () => {
  const first = await confirmed(cm, rep.client, [rep.id], '10:00', '11:30');
  expect(first.status).toBe('CONFIRMED');

  // the manager proposes 10:00 again to the same rep, beside a free afternoon slot
  const input = plan(
    [rep.id],
    [
      ['15:00', '16:00'],
      ['10:30', '11:00'],
    ],
  );
  const warned = await cm.request(PROPOSE, { i: input });
  expect([codeOf(warned), reasonOf(warned)]).toEqual([ErrorCode.CONFLICT, ErrorReason.SCHEDULE_OVERLAP]);
  expect(ext(warned)).toMatchObject({ field: 'slots', slots: [1], coVisitIds: [first.id] });
  const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM co_visit WHERE idempotency_key = $1`, [
    input.idempotencyKey,
  ]);
  expect(n).toBe(0);
  // sent again, confirmed: proposed with both times, and the rep's notice lists both
  const second = await cm.request(PROPOSE, { i: { ...input, confirmOverlap: true } });
  expect(second.errors).toEqual([]);
  const v = second.data.proposeCoVisit;
  expect(v.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
    new Date(at('10:30')).toISOString(),
    new Date(at('15:00')).toISOString(),
  ]);
  const [notice] = await t.app.ds.query(
    `SELECT params FROM notification WHERE entity_id = $1 AND user_id = $2 AND kind = 'CO_VISIT_PROPOSED'`,
    [v.id, rep.id],
  );
  expect(notice.params.slots.split(',')).toEqual([
    `${new Date(at('10:30')).toISOString()}/${new Date(at('11:00')).toISOString()}`,
    `${new Date(at('15:00')).toISOString()}/${new Date(at('16:00')).toISOString()}`,
  ]);

  // the rep accepts the 10:30 slot with one tap: warned, nothing changes; confirmed, it is booked
  const clash = v.slots.find((s: { startsAt: string }) => s.startsAt === new Date(at('10:30')).toISOString());
  const tap = await rep.client.request(ACCEPT, { id: v.id, v: v.version, s: clash.id });
  expect([reasonOf(tap), ext(tap).field, ext(tap).coVisitIds]).toEqual([
    ErrorReason.SCHEDULE_OVERLAP,
    'slotId',
    [first.id],
  ]);
  expect(
    (await rep.client.request(`query($id: ID!) { coVisit(id: $id) { status version } }`, { id: v.id })).data.coVisit,
  ).toEqual({ status: 'PROPOSED', version: v.version });
  // offering a clashing time instead is warned the same way
  expect(
    reasonOf(
      await rep.client.request(OFFER, { id: v.id, v: v.version, slot: { startsAt: at('11:00'), endsAt: at('12:00') } }),
    ),
  ).toBe(ErrorReason.SCHEDULE_OVERLAP);
  const free = await rep.client.request(ACCEPT, { id: v.id, v: v.version, s: clash.id, c: true });
  expect(free.data.acceptCoVisitSlot.status).toBe('CONFIRMED');
  // a time that only touches (ends as the other starts) does not clash
  expect((await cm.request(PROPOSE, { i: plan([rep.id], [['11:30', '12:00']]) })).errors).toEqual([]);
});

test('a clash with a visit the proposer may not see is named only as "a confirmed visit at that time"', async () => {
  // the regional head's visit with the other rep: the manager is not on it and does not manage the head
  const hidden = await confirmed(head.client, otherRep.client, [otherRep.id], '14:00', '15:00');
  expect(ext(await cm.request(`query($id: ID!) { coVisit(id: $id) { id } }`, { id: hidden.id })).code).toBe(
    ErrorCode.NOT_FOUND,
  );
  const warned = await cm.request(PROPOSE, { i: plan([otherRep.id], [['14:30', '15:30']]) });
  expect(reasonOf(warned)).toBe(ErrorReason.SCHEDULE_OVERLAP);
  expect(ext(warned)).toMatchObject({ slots: [0], coVisitIds: [] });
  expect(JSON.stringify(warned.errors)).not.toContain(hidden.id);
  expect(String((warned.errors?.[0] as { message?: string }).message)).not.toMatch(/测试|sch\.rh/);
});

test('check-in is open on the visit’s day in China time only', async () => {
  const v = await confirmed(cm, rep.client, [rep.id], '08:30', '09:30');
  const look = async () =>
    (await rep.client.request(`query($id: ID!) { coVisit(id: $id) { checkInOpen } }`, { id: v.id })).data.coVisit
      .checkInOpen;
  // 23:50 the evening before in China (already the same UTC day as the visit's 00:30 UTC start)
  t.app.services.coVisits.clock = () => new Date(at('23:50', dayOff(-1)));
  expect(await look()).toBe(false);
  const early = await rep.client.request(CHECK_IN, { id: v.id, v: v.version });
  expect([codeOf(early), reasonOf(early)]).toEqual([ErrorCode.CONFLICT, ErrorReason.NOT_VISIT_DAY]);
  // the next day in China, though still the visit's day in UTC
  t.app.services.coVisits.clock = () => new Date(at('00:10', dayOff(1)));
  expect(await look()).toBe(false);
  expect(reasonOf(await rep.client.request(CHECK_IN, { id: v.id, v: v.version }))).toBe(ErrorReason.NOT_VISIT_DAY);
  // 00:10 on the day, China time (the day before in UTC)
  t.app.services.coVisits.clock = () => new Date(at('00:10'));
  expect(await look()).toBe(true);
  const ok = await rep.client.request(CHECK_IN, { id: v.id, v: v.version });
  expect(ok.errors).toEqual([]);
  expect(ok.data.checkInCoVisit.checkedInAt).toBe(new Date(at('00:10')).toISOString());
});

test('the week lists a proposed plan on every day one of its times falls on', async () => {
  const p = await cm.request(PROPOSE, {
    i: {
      ...plan([rep.id], []),
      slots: [
        { startsAt: at('09:00', dayOff(20)), endsAt: at('10:00', dayOff(20)) },
        { startsAt: at('09:00', dayOff(22)), endsAt: at('10:00', dayOff(22)) },
      ],
    },
  });
  const id = p.data.proposeCoVisit.id;
  const week = async (from: string, to: string) =>
    (
      await rep.client.request(
        `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { id slots { startsAt } } }`,
        { f: from, t: to },
      )
    ).data.myCoVisits.filter((x: { id: string }) => x.id === id);
  expect(await week(dayOff(22), dayOff(22))).toHaveLength(1);
  expect((await week(dayOff(20), dayOff(26)))[0].slots).toHaveLength(2);
});
