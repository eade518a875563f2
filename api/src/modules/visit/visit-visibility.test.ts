import { randomUUID } from 'node:crypto';
import { ErrorCode, Role } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode, userByEmail } from '../../db/seed/demo-data';

/**
 * Who reads a visit note, as a table: every role on both sides (and regional heads in and out
 * of the author's chain) against every path a note can travel — the note itself, the list, a
 * search, its count, the hospital's nested notes, the owner's commitment inbox and notifications.
 * A SHARED note reaches its author, CC list and the author's management chain; an INTERNAL one
 * the same minus partners; a note's text never appears in any answer to anyone else.
 *
 * The author is 陈静 (channel manager, 广东) writing about 广州粤康; the people who write (author,
 * commenters) are not isolation-matrix personas, whose audit footprint the matrix watches while
 * this file runs; the personas only read here.
 */
let t: TestApp;
const clients = new Map<string, GqlClient>();
const ids = new Map<string, string>();
const tag = randomUUID().slice(0, 8);
const SHARED_TEXT = `共享纪要-${tag}`;
const INTERNAL_TEXT = `内部纪要-${tag}`;
let shared: { id: string; commitmentId: string };
let internal: { id: string };

/** People of the test's own: [key, role, region or distributor] */
const OWN: Array<[string, Role, { regionCode?: string; distributorCode?: string }]> = [
  ['gd.rh', Role.REGIONAL_HEAD, { regionCode: 'GD' }],
  ['gdcity.rh', Role.REGIONAL_HEAD, { regionCode: 'GD-GZ' }],
  ['sz.cm', Role.CHANNEL_MANAGER, { regionCode: 'GD-SZ' }],
  ['gd.engineer', Role.ENGINEER, { regionCode: 'GD' }],
  ['yk.rep', Role.REP, { distributorCode: 'HK-YK' }],
  ['yk.rep2', Role.REP, { distributorCode: 'HK-YK' }],
];
const PARTNERS = new Set([
  'boss@yuekang.demo',
  'yk.rep',
  'yk.rep2',
  'boss@kangda.demo',
  'li.rep@kangda.demo',
  'boss@nbruikang.demo',
  'boss@huaning.demo',
]);

/** [who, reads the SHARED note, reads the INTERNAL note, is told of it (CC'd), why] */
const TABLE: Array<[string, boolean, boolean, 'shared' | 'internal' | null, string]> = [
  ['chen.cm@huakang.demo', true, true, null, 'the author'],
  ['gd.rh', true, true, null, 'the author’s regional head (广东)'],
  ['admin@huakang.demo', true, true, null, 'an admin: everyone’s chain'],
  ['gdcity.rh', false, false, null, 'a head of one city: not above a province-wide manager'],
  ['zhao.rh@huakang.demo', false, false, null, 'a regional head of other provinces'],
  ['gd.engineer', false, true, 'internal', 'a brand colleague CC’d on the internal note only'],
  ['trainer@huakang.demo', false, true, 'internal', 'a trainer CC’d on the internal note only'],
  ['sz.cm', true, false, 'shared', 'a brand colleague CC’d on the shared note only'],
  ['zhang.cm@huakang.demo', false, false, null, 'another channel manager'],
  ['engineer@huakang.demo', false, false, null, 'a technical expert of the same province'],
  ['order@huakang.demo', false, false, null, 'the order desk'],
  ['finance@huakang.demo', false, false, null, 'finance'],
  ['boss@yuekang.demo', true, false, 'shared', 'the distributor’s owner, CC’d'],
  ['yk.rep', true, false, 'shared', 'the rep, CC’d'],
  ['yk.rep2', false, false, null, 'a rep of the same distributor, not CC’d'],
  ['boss@kangda.demo', false, false, null, 'another distributor’s owner'],
  ['li.rep@kangda.demo', false, false, null, 'another distributor’s rep'],
  ['boss@nbruikang.demo', false, false, null, 'a second tier’s owner'],
  ['boss@huaning.demo', false, false, null, 'another distributor’s owner'],
  ['admin@ruiguang.demo', false, false, null, 'the other brand’s admin'],
];

beforeAll(async () => {
  t = await startTestApp();
  for (const [key, role, where] of OWN) {
    const p = await person(t, key, role, where);
    clients.set(key, p.client);
    ids.set(key, p.id);
  }
  for (const [who] of TABLE) if (!clients.has(who)) clients.set(who, await t.as(who));
  const idOf = (who: string) => ids.get(who) ?? userByEmail(who).id;
  const author = clients.get('chen.cm@huakang.demo')!;
  const write = (i: Record<string, unknown>) =>
    author.request(`mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id commitments { id } } }`, {
      i: {
        hospitalId: HOSPITALS[5].id,
        distributorId: distributorByCode('HK-YK').id,
        idempotencyKey: randomUUID(),
        ...i,
      },
    });
  const s = await write({
    visibility: 'SHARED',
    outcome: SHARED_TEXT,
    nextSteps: `${SHARED_TEXT} 下一步`,
    ccUserIds: ['boss@yuekang.demo', 'yk.rep', 'sz.cm'].map(idOf),
    commitments: [{ kind: 'SUPPORT', description: `${SHARED_TEXT} 承诺` }],
  });
  const i = await write({
    visibility: 'INTERNAL',
    outcome: INTERNAL_TEXT,
    ccUserIds: ['trainer@huakang.demo', 'gd.engineer'].map(idOf),
  });
  expect([s.errors, i.errors]).toEqual([[], []]);
  shared = { id: s.data.writeVisitNote.id, commitmentId: s.data.writeVisitNote.commitments[0].id };
  internal = { id: i.data.writeVisitNote.id };
  for (const [noteId, by] of [
    [shared.id, 'yk.rep'],
    [internal.id, 'gd.engineer'],
  ]) {
    const r = await clients
      .get(by)!
      .request(
        `mutation($n: ID!, $b: String!, $k: ID!) { commentOnVisitNote(noteId: $n, body: $b, idempotencyKey: $k) { id } }`,
        {
          n: noteId,
          b: `评论-${noteId === shared.id ? SHARED_TEXT : INTERNAL_TEXT}`,
          k: randomUUID(),
        },
      );
    expect(r.errors).toEqual([]);
  }
});
afterAll(() => t?.stop());

const NOTE = `id outcome nextSteps author { displayName } cc { displayName } comments { body } commitments { description } tasks { title }`;

/** Every path a note can reach a user by; each answers which of the two notes it showed. */
const PATHS: Record<string, (c: GqlClient) => Promise<{ seen: string[]; results: GqlResult[]; closed?: boolean }>> = {
  'visitNote(id)': async (c) => {
    const results = await Promise.all(
      [shared.id, internal.id].map((id) => c.request(`query($id: ID!) { visitNote(id: $id) { ${NOTE} } }`, { id })),
    );
    results.forEach((r) => expect(r.errors.length === 0 || codeOf(r) === ErrorCode.NOT_FOUND).toBe(true));
    return { seen: results.filter((r) => !r.errors.length).map((r) => r.data.visitNote.id), results };
  },
  'visitNotes list': async (c) => {
    const r = await c.request(
      `{ visitNotes(first: 100, filter: { hospitalId: "${HOSPITALS[5].id}" }) { nodes { ${NOTE} } } }`,
    );
    return { seen: r.data.visitNotes.nodes.map((n: { id: string }) => n.id), results: [r] };
  },
  'visitNotes search and count': async (c) => {
    const r = await c.request(
      `query($s: String!) { visitNotes(first: 100, filter: { search: $s }) { totalCount nodes { id } } }`,
      { s: tag },
    );
    expect(r.data.visitNotes.totalCount).toBe(r.data.visitNotes.nodes.length);
    return { seen: r.data.visitNotes.nodes.map((n: { id: string }) => n.id), results: [r] };
  },
  'hospital → visitNotes': async (c) => {
    const r = await c.request(`query($id: ID!) { hospital(id: $id) { visitNotes { ${NOTE} } } }`, {
      id: HOSPITALS[5].id,
    });
    // a hospital outside the viewer's scope is NOT_FOUND: the path is closed, not a way round
    if (codeOf(r) === ErrorCode.NOT_FOUND) return { seen: [], results: [r], closed: true };
    return { seen: r.data.hospital.visitNotes.map((n: { id: string }) => n.id), results: [r] };
  },
  'commitment inbox → note': async (c) => {
    const r = await c.request(
      `{ commitmentInbox(first: 100, statuses: [OPEN, ACKNOWLEDGED, DISPUTED, RESOLVED]) { totalCount nodes { id description note { ${NOTE} } } } }`,
    );
    if (codeOf(r) === ErrorCode.FORBIDDEN) return { seen: [], results: [r] };
    const commitments = r.data.commitmentInbox.nodes.map((n: { id: string }) => n.id);
    return { seen: commitments.includes(shared.commitmentId) ? [shared.id] : [], results: [r] };
  },
};

describe.each(TABLE)('%s', (who, readsShared, readsInternal, notified, why) => {
  test.each(Object.keys(PATHS))(`${why}: %s`, async (path) => {
    const { seen, results, closed } = await PATHS[path](clients.get(who)!);
    const expected = [...(readsShared ? [shared.id] : []), ...(readsInternal ? [internal.id] : [])];
    const ownerInbox = path.startsWith('commitment');
    expect(seen.filter((id) => [shared.id, internal.id].includes(id)).sort()).toEqual(
      closed ? [] : ownerInbox ? (who === 'boss@yuekang.demo' ? [shared.id] : []) : expected.sort(),
    );
    const text = results.map((r) => r.text).join('\n');
    if (!readsShared) expect(text).not.toContain(SHARED_TEXT);
    if (!readsInternal) expect(text).not.toContain(INTERNAL_TEXT);
  });

  test(`${why}: notifications name exactly the notes they are CC’d on`, async () => {
    const r = await clients
      .get(who)!
      .request(
        `{ unreadNotificationCount notifications(first: 100) { nodes { kind entityId params { name value } } } }`,
      );
    const about = r.data.notifications.nodes
      .filter(
        (n: { kind: string; entityId: string }) =>
          n.kind === 'VISIT_NOTE_CC' && [shared.id, internal.id].includes(n.entityId),
      )
      .map((n: { entityId: string }) => (n.entityId === shared.id ? 'shared' : 'internal'));
    expect(about).toEqual(notified ? [notified] : []);
    expect(r.text).not.toContain(SHARED_TEXT);
    expect(r.text).not.toContain(INTERNAL_TEXT);
    // nothing of the internal note reaches a partner, not even its id
    if (PARTNERS.has(who)) expect(r.text).not.toContain(internal.id);
  });
});
