import { randomUUID } from 'node:crypto';
import { CoVisitStatus, ErrorReason, Role } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { TestPerson, person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';
import { coVisitCalendar } from './co-visit-calendar';

/**
 * A co-visit into a phone's calendar: 陈静 (广东) plans with 广州粤康's rep; once a time is confirmed both download the
 * entry, nobody out of the plan's sight learns it exists, and a cancellation gives the same entry marked cancelled.
 */
let t: TestApp;
let cm: GqlClient;
let ownerB: GqlClient;
let elsewhere: GqlClient;
let rep: TestPerson;
let otherRep: TestPerson;
const HOSPITAL = HOSPITALS[5];

beforeAll(async () => {
  t = await startTestApp();
  [cm, ownerB, elsewhere] = await Promise.all(
    ['chen.cm@huakang.demo', 'boss@huaning.demo', 'zhang.cm@huakang.demo'].map((e) => t.as(e)),
  );
  rep = await person(t, 'cal.rep', Role.REP, { distributorCode: 'HK-YK' });
  otherRep = await person(t, 'cal.rep2', Role.REP, { distributorCode: 'HK-YK' });
});
afterAll(() => t?.stop());

const FIELDS = 'id status version slots { id startsAt endsAt }';
const MOVE = (name: string, extra = '', extraArgs = '') =>
  `mutation($id: ID!, $v: Int!${extraArgs}) { ${name}(id: $id, expectedVersion: $v${extra}) { ${FIELDS} } }`;

const calendar = (c: GqlClient | null, id: string) =>
  fetch(`${t.url}/files/co-visits/${id}/calendar.ics`, {
    headers: c
      ? {
          'x-medchannel-app': c.audience!.toLowerCase(),
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        }
      : { 'x-medchannel-app': 'console' },
  });
const field = (ics: string, name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(ics.replace(/\r\n /g, ''))?.[1];
const utc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

test('confirmed: the people on it add it to a calendar; out of sight it is not found; cancelled: marked so', async () => {
  // a day far ahead at 07:00 China time: no seeded visit of theirs there
  const day = addDays(today(), 41);
  const proposed = await cm.request(`mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${FIELDS} } }`, {
    i: {
      distributorId: distributorByCode('HK-YK').id,
      hospitalId: HOSPITAL.id,
      goal: '超声科 HK-200 演示; 带上新版报价, 见科主任',
      slots: [{ startsAt: `${day}T07:00:00+08:00`, endsAt: `${day}T08:30:00+08:00` }],
      participantIds: [rep.id],
      idempotencyKey: randomUUID(),
      confirmOverlap: true,
    },
  });
  expect(proposed.errors).toEqual([]);
  const v = proposed.data.proposeCoVisit;

  // no time yet: a coded refusal, nothing else
  const early = await calendar(cm, v.id);
  expect(early.status).toBe(409);
  expect(((await early.json()) as { error: { reason: string } }).error.reason).toBe(ErrorReason.ILLEGAL_TRANSITION);

  const accepted = await rep.client.request(
    MOVE('acceptCoVisitSlot', ', slotId: $s, confirmOverlap: true', ', $s: ID!'),
    { id: v.id, v: v.version, s: v.slots[0].id },
  );
  expect(accepted.errors).toEqual([]);
  const confirmed = accepted.data.acceptCoVisitSlot;

  for (const viewer of [cm, rep.client]) {
    const answer = await calendar(viewer, v.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await answer.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(field(ics, 'UID')).toBe(`co-visit-${v.id}@medchannel`);
    expect(field(ics, 'DTSTART')).toBe(utc(v.slots[0].startsAt));
    expect(field(ics, 'DTEND')).toBe(utc(v.slots[0].endsAt));
    expect(field(ics, 'STATUS')).toBe('CONFIRMED');
    expect(field(ics, 'SEQUENCE')).toBe(String(confirmed.version));
    expect(field(ics, 'SUMMARY')).toBe(`协同拜访 Co-visit · ${HOSPITAL.name}`);
    // TEXT escapes the goal's semicolon and comma
    expect(field(ics, 'DESCRIPTION')).toContain('超声科 HK-200 演示\\; 带上新版报价\\, 见科主任');
  }

  // out of sight, it answers exactly like a plan that does not exist
  for (const stranger of [otherRep.client, ownerB, elsewhere]) {
    expect((await calendar(stranger, v.id)).status).toBe(404);
    expect((await calendar(stranger, randomUUID())).status).toBe(404);
  }
  expect((await calendar(null, v.id)).status).toBe(401);

  const cancelled = await cm.request(MOVE('cancelCoVisit', ', reason: $r', ', $r: String!'), {
    id: v.id,
    v: confirmed.version,
    r: '科主任出差',
  });
  expect(cancelled.data.cancelCoVisit.status).toBe(CoVisitStatus.CANCELLED);
  const after = await (await calendar(rep.client, v.id)).text();
  expect(field(after, 'STATUS')).toBe('CANCELLED');
  expect(Number(field(after, 'SEQUENCE'))).toBeGreaterThan(confirmed.version);
  expect((await calendar(ownerB, v.id)).status).toBe(404);
});

test('long lines fold at 75 octets without splitting a character, and unfold to the same text', () => {
  const goal = '与设备科科长、超声科主任一起看 HK-200 的试用安排，并确认招标参数'.repeat(3);
  const ics = coVisitCalendar({
    id: randomUUID(),
    status: CoVisitStatus.CONFIRMED,
    version: 3,
    updatedAt: new Date('2026-01-05T01:00:00Z'),
    startsAt: new Date('2026-01-06T01:00:00Z'),
    endsAt: new Date('2026-01-06T02:30:00Z'),
    goal,
    hospital: { name: '杭州市第一人民医院', address: '杭州市上城区浣纱路 261 号' },
    distributorName: '杭州康达医疗器械有限公司',
  });
  const lines = ics.split('\r\n');
  expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
  expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  expect(ics).not.toContain('\uFFFD');
  expect(field(ics, 'DESCRIPTION')).toBe(`${goal}\\n经销商 Distributor: 杭州康达医疗器械有限公司`);
  expect(field(ics, 'LOCATION')).toBe('杭州市上城区浣纱路 261 号');
  expect(field(ics, 'DTSTART')).toBe('20260106T010000Z');
});
