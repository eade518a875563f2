import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { hashPassword } from '../../auth/password';
import { HOSPITALS } from '../../db/seed/catalog-data';
import { BRANDS, DEMO_PASSWORD, REGIONS, distributorByCode, userByEmail } from '../../db/seed/demo-data';

/**
 * Who reads a visit note, as a table: every role on both sides (and regional heads in and out
 * of the author's chain) against every path a note can travel — the note itself, the list, a
 * search, its count, the hospital's nested notes, the owner's commitment inbox and notifications.
 * A SHARED note reaches its author, CC list and the author's management chain; an INTERNAL one
 * the same minus partners; a note's text never appears in any answer to anyone else.
 */
let t: TestApp;
const clients = new Map<string, GqlClient>();
const tag = randomUUID().slice(0, 8);
const SHARED_TEXT = `共享纪要-${tag}`;
const INTERNAL_TEXT = `内部纪要-${tag}`;
let shared: { id: string; commitmentId: string };
let internal: { id: string };

/** [who, reads the SHARED note, reads the INTERNAL note, is told of it (CC'd)] */
const TABLE: Array<[string, boolean, boolean, 'shared' | 'internal' | null, string]> = [
  ['zhang.cm@huakang.demo', true, true, null, 'the author'],
  ['zhao.rh@huakang.demo', true, true, null, 'the author’s regional head (ZJ covers ZJ-HZ)'],
  ['admin@huakang.demo', true, true, null, 'an admin: everyone’s chain'],
  ['zjcity.rh', true, true, null, 'a regional head whose city is the author’s'],
  ['gd.rh', false, false, null, 'a regional head of another province'],
  ['trainer@huakang.demo', false, true, 'internal', 'a brand colleague CC’d on the internal note only'],
  ['nb.cm', true, false, 'shared', 'a brand colleague CC’d on the shared note only'],
  ['engineer@huakang.demo', false, false, null, 'a technical expert elsewhere'],
  ['chen.cm@huakang.demo', false, false, null, 'another channel manager'],
  ['order@huakang.demo', false, false, null, 'the order desk (same regions)'],
  ['finance@huakang.demo', false, false, null, 'finance (same regions)'],
  ['boss@kangda.demo', true, false, 'shared', 'the distributor’s owner, CC’d'],
  ['li.rep@kangda.demo', true, false, 'shared', 'the rep, CC’d'],
  ['wang.rep@kangda.demo', false, false, null, 'a rep of the same distributor, not CC’d'],
  ['boss@nbruikang.demo', false, false, null, 'the second tier’s owner'],
  ['boss@huaning.demo', false, false, null, 'another distributor’s owner'],
  ['admin@ruiguang.demo', false, false, null, 'the other brand’s admin'],
];

/**
 * People of the test's own (not the seed's): the isolation matrix, running beside this file on the
 * same database, knows the seed's people only, and must not find them named on these notes.
 */
async function extraUser(label: string, regionCode: string, role = 'REGIONAL_HEAD'): Promise<string> {
  const email = `${label}-${tag}@huakang.demo`;
  const [u] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role) VALUES ($1, $2, $3, $4, 'BRAND', $5) RETURNING id`,
    [BRANDS.huakang.id, email, await hashPassword(DEMO_PASSWORD), `测试 ${label}`, role],
  );
  const region = REGIONS.find((r) => r.brandId === BRANDS.huakang.id && r.code === regionCode)!;
  await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [BRANDS.huakang.id, u.id, region.id]);
  return email;
}

beforeAll(async () => {
  t = await startTestApp();
  const extra = { 'zjcity.rh': await extraUser('zjcity', 'ZJ-HZ'), 'gd.rh': await extraUser('gd', 'GD'), 'nb.cm': await extraUser('nbcm', 'ZJ-NB', 'CHANNEL_MANAGER') };
  const nbCm = (await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [extra['nb.cm']]))[0].id;
  for (const [who] of TABLE) {
    const email = extra[who as keyof typeof extra] ?? who;
    if (who in extra) {
      const client = t.client(Audience.CONSOLE);
      await client.login(email);
      clients.set(who, client);
    } else {
      clients.set(who, await t.as(email));
    }
  }
  const author = clients.get('zhang.cm@huakang.demo')!;
  const write = (i: Record<string, unknown>) =>
    author.request(`mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id commitments { id } } }`, {
      i: { hospitalId: HOSPITALS[0].id, distributorId: distributorByCode('HK-KD').id, idempotencyKey: randomUUID(), ...i },
    });
  const s = await write({
    visibility: 'SHARED', outcome: SHARED_TEXT, nextSteps: `${SHARED_TEXT} 下一步`,
    ccUserIds: [...['boss@kangda.demo', 'li.rep@kangda.demo'].map((e) => userByEmail(e).id), nbCm],
    commitments: [{ kind: 'SUPPORT', description: `${SHARED_TEXT} 承诺` }],
  });
  const i = await write({ visibility: 'INTERNAL', outcome: INTERNAL_TEXT, ccUserIds: [userByEmail('trainer@huakang.demo').id] });
  expect([s.errors, i.errors]).toEqual([[], []]);
  shared = { id: s.data.writeVisitNote.id, commitmentId: s.data.writeVisitNote.commitments[0].id };
  internal = { id: i.data.writeVisitNote.id };
  for (const [noteId, by] of [[shared.id, 'li.rep@kangda.demo'], [internal.id, 'trainer@huakang.demo']]) {
    const r = await clients.get(by)!.request(`mutation($n: ID!, $b: String!, $k: ID!) { commentOnVisitNote(noteId: $n, body: $b, idempotencyKey: $k) { id } }`, {
      n: noteId, b: `评论-${noteId === shared.id ? SHARED_TEXT : INTERNAL_TEXT}`, k: randomUUID(),
    });
    expect(r.errors).toEqual([]);
  }
});
afterAll(() => t?.stop());

const NOTE = `id outcome nextSteps author { displayName } cc { displayName } comments { body } commitments { description } tasks { title }`;

/** Every path a note can reach a user by; each answers which of the two notes it showed. */
const PATHS: Record<string, (c: GqlClient) => Promise<{ seen: string[]; results: GqlResult[]; closed?: boolean }>> = {
  'visitNote(id)': async (c) => {
    const results = await Promise.all([shared.id, internal.id].map((id) => c.request(`query($id: ID!) { visitNote(id: $id) { ${NOTE} } }`, { id })));
    results.forEach((r) => expect(r.errors.length === 0 || codeOf(r) === ErrorCode.NOT_FOUND).toBe(true));
    return { seen: results.filter((r) => !r.errors.length).map((r) => r.data.visitNote.id), results };
  },
  'visitNotes list': async (c) => {
    const r = await c.request(`{ visitNotes(first: 100, filter: { hospitalId: "${HOSPITALS[0].id}" }) { nodes { ${NOTE} } } }`);
    return { seen: r.data.visitNotes.nodes.map((n: { id: string }) => n.id), results: [r] };
  },
  'visitNotes search and count': async (c) => {
    const r = await c.request(`query($s: String!) { visitNotes(first: 100, filter: { search: $s }) { totalCount nodes { id } } }`, { s: tag });
    expect(r.data.visitNotes.totalCount).toBe(r.data.visitNotes.nodes.length);
    return { seen: r.data.visitNotes.nodes.map((n: { id: string }) => n.id), results: [r] };
  },
  'hospital → visitNotes': async (c) => {
    const r = await c.request(`query($id: ID!) { hospital(id: $id) { visitNotes { ${NOTE} } } }`, { id: HOSPITALS[0].id });
    // a hospital outside the viewer's scope is NOT_FOUND: the path is closed, not a way round
    if (codeOf(r) === ErrorCode.NOT_FOUND) return { seen: [], results: [r], closed: true };
    return { seen: r.data.hospital.visitNotes.map((n: { id: string }) => n.id), results: [r] };
  },
  'commitment inbox → note': async (c) => {
    const r = await c.request(`{ commitmentInbox(first: 100, statuses: [OPEN, ACKNOWLEDGED, DISPUTED, RESOLVED]) { totalCount nodes { id description note { ${NOTE} } } } }`);
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
      closed ? [] : ownerInbox ? (who === 'boss@kangda.demo' ? [shared.id] : []) : expected.sort(),
    );
    const text = results.map((r) => r.text).join('\n');
    if (!readsShared) expect(text).not.toContain(SHARED_TEXT);
    if (!readsInternal) expect(text).not.toContain(INTERNAL_TEXT);
  });

  test(`${why}: notifications name exactly the notes they are CC’d on`, async () => {
    const r = await clients.get(who)!.request(`{ unreadNotificationCount notifications(first: 100) { nodes { kind entityId params { name value } } } }`);
    const about = r.data.notifications.nodes
      .filter((n: { kind: string; entityId: string }) => n.kind === 'VISIT_NOTE_CC' && [shared.id, internal.id].includes(n.entityId))
      .map((n: { entityId: string }) => (n.entityId === shared.id ? 'shared' : 'internal'));
    expect(about).toEqual(notified ? [notified] : []);
    expect(r.text).not.toContain(SHARED_TEXT);
    expect(r.text).not.toContain(INTERNAL_TEXT);
    // nothing of the internal note reaches a partner, not even its id
    if (who.includes('kangda') || who.includes('ruikang') || who.includes('huaning')) expect(r.text).not.toContain(internal.id);
  });
});
