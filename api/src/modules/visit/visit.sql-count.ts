import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Audience } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';
import type { BrandFixture } from '../../../test/factories';
import type { SqlCountTable } from '../../../test/sql-count-table';

const PERSON = `displayName side`;
const CO_VISIT_TREE = `id status distributor { name } hospital { name } department { name } contacts { name } products { name }
  slots { startsAt proposedBy { ${PERSON} } } confirmedSlot { id } participants { side user { ${PERSON} } } proposedBy { ${PERSON} } myTurn notes { id author { ${PERSON} } }`;
const NOTE_TREE = `id outcome author { ${PERSON} } hospital { name } department { name } contacts { name } distributor { name } coVisit { goal participants { user { ${PERSON} } } }
  cc { ${PERSON} } tasks { title owner { ${PERSON} } } commitments { description amount { amount } answeredBy { ${PERSON} } } comments { body author { ${PERSON} } } attachments { url }`;

/** Co-visits and visit notes (their people, CC list, tasks, commitments, comments), the week calendar, and the visit flow's cost per person. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId, ownerId }) => {
    // part 7: a page of co-visits (slots, participants) and shared notes (CC, tasks, a commitment, a comment) between the admin and the owner
    const [rep0] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      brand.distributorIds[0],
    ]);
    await seedVisitPage(ds, brand, 30, adminId, ownerId, rep0.id, cat.hospitalInCity);
  },
  lists: [
    {
      name: 'the team’s co-visits',
      as: (brand) => brand.adminEmail,
      // the session and one statement (co-visit-page.ts)
      max: 2,
      query: `query($n: Int!) { teamCoVisits(first: $n) { totalCount nodes { ${CO_VISIT_TREE} } } }`,
    },
    {
      name: 'visit notes with their CC list, tasks, commitments and comments',
      as: (brand) => brand.adminEmail,
      // the session and one statement (visit-note-page.ts)
      max: 2,
      query: `query($n: Int!) { visitNotes(first: $n) { totalCount nodes { ${NOTE_TREE} } } }`,
    },
    {
      name: 'visit notes CC’d to me (portal)',
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      // the session and one statement (visit-note-page.ts)
      max: 2,
      query: `query($n: Int!) { visitNotes(first: $n) { totalCount nodes { ${NOTE_TREE} } } }`,
    },
    {
      name: 'the owner’s commitment inbox (portal)',
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      // the session and one statement (commitment-page.ts)
      max: 2,
      query: `query($n: Int!) { commitmentInbox(first: $n, statuses: [OPEN, DISPUTED]) { totalCount nodes { description note { ${NOTE_TREE} } } } }`,
    },
    {
      name: 'disputed commitments',
      as: (brand) => brand.adminEmail,
      // the session and one statement (commitment-page.ts)
      max: 2,
      query: `query($n: Int!) { disputedCommitments(first: $n, filter: { statuses: [OPEN, DISPUTED] }) { totalCount nodes { description answeredBy { ${PERSON} } note { ${NOTE_TREE} } } } }`,
    },
    {
      name: 'hospitals with their visit notes',
      as: (brand) => brand.adminEmail,
      // the session and one statement (hospital-page.ts, the notes through visit-note-page.ts)
      max: 2,
      query: `query($n: Int!) { hospitals(first: $n) { totalCount nodes { name visitNotes { outcome author { ${PERSON} } cc { ${PERSON} } } } } }`,
    },
  ],
  tests: {
    'the week calendar is the session and one statement however many co-visits it holds': async ({ t, brand }) => {
      const client = t.client(Audience.PORTAL);
      await client.login(brand.ownerEmail);
      const query = `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { ${CO_VISIT_TREE} } }`;
      const range = { f: '2000-01-01', t: '2000-02-01' };
      const [admin] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
      const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
      const add = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const [v] = await t.app.ds.query(
            `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, awaiting_side, starts_at, proposed_by, idempotency_key, request_hash)
           SELECT brand_id, distributor_id, hospital_id, 'SQL日历', 'PROPOSED', 'PARTNER', '2000-01-10T09:00:00+08:00', proposed_by, gen_random_uuid(), repeat('0', 64) FROM co_visit WHERE brand_id = $1 LIMIT 1 RETURNING id`,
            [brand.brandId],
          );
          await t.app.ds.query(
            `INSERT INTO co_visit_slot (brand_id, co_visit_id, starts_at, ends_at, proposed_by, proposed_side) VALUES ($1, $2, '2000-01-10T09:00:00+08:00', '2000-01-10T10:00:00+08:00', $3, 'BRAND')`,
            [brand.brandId, v.id, admin.id],
          );
          await t.app.ds.query(
            `INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, 'BRAND'), ($1, $2, $4, 'PARTNER')`,
            [brand.brandId, v.id, admin.id, owner.id],
          );
        }
      };
      await add(2);
      const small = await client.request(query, range);
      await add(20);
      const large = await client.request(query, range);
      expect(large.errors).toEqual([]);
      expect(large.data.myCoVisits).toHaveLength(22);
      // the session and one statement (co-visit-page.ts through listTree)
      expect([small.sqlCount, large.sqlCount]).toEqual([2, 2]);
    },
    'proposing and answering a co-visit, writing a note and answering its commitments cost the same SQL for 2 people and items as for 10':
      async ({ t, brand }) => {
        const admin = t.client(Audience.CONSOLE);
        await admin.login(brand.adminEmail);
        const owner = t.client(Audience.PORTAL);
        await owner.login(brand.ownerEmail);
        const [hospital] = await t.app.ds.query(`SELECT id FROM hospital WHERE brand_id = $1 ORDER BY name LIMIT 1`, [
          brand.brandId,
        ]);
        const [ownerRow] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
        const people: Array<{ id: string; side: string }> = await t.app.ds.query(
          `SELECT id, side FROM app_user WHERE brand_id = $1 AND (side = 'BRAND' OR distributor_id = $2) AND email <> $3 ORDER BY side, email`,
          [brand.brandId, brand.distributorIds[0], brand.adminEmail],
        );
        const measure = async (n: number) => {
          const others = [ownerRow.id, ...people.filter((p) => p.id !== ownerRow.id).map((p) => p.id)].slice(
            0,
            Math.min(n, 4),
          );
          // slots a month or so ahead: a slot lies within a year of now
          const slots = Array.from({ length: Math.min(n, 5) }, (_, i) => ({
            startsAt: `${addDays(today(), 30 + i)}T09:00:00+08:00`,
            endsAt: `${addDays(today(), 30 + i)}T10:00:00+08:00`,
          }));
          const proposed = await admin.request(
            `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${CO_VISIT_TREE} version slots { id proposedSide } } }`,
            {
              i: {
                distributorId: brand.distributorIds[0],
                hospitalId: hospital.id,
                goal: 'SQL计数',
                slots,
                participantIds: others,
                idempotencyKey: randomUUID(),
              },
            },
          );
          const v = proposed.data.proposeCoVisit;
          const countered = await owner.request(
            `mutation($id: ID!, $v: Int!, $slot: CoVisitSlotInput!) { proposeCoVisitSlot(id: $id, expectedVersion: $v, slot: $slot) { ${CO_VISIT_TREE} version slots { id proposedSide } } }`,
            {
              // a day per run: the run for 10 would otherwise overlap the visit the run for 2 confirmed (a warning, not this check's subject)
              id: v.id,
              v: v.version,
              slot: {
                startsAt: `${addDays(today(), 40 + n)}T09:00:00+08:00`,
                endsAt: `${addDays(today(), 40 + n)}T10:00:00+08:00`,
              },
            },
          );
          const c = countered.data.proposeCoVisitSlot;
          const accepted = await admin.request(
            `mutation($id: ID!, $v: Int!, $s: ID!) { acceptCoVisitSlot(id: $id, expectedVersion: $v, slotId: $s) { ${CO_VISIT_TREE} } }`,
            {
              id: v.id,
              v: c.version,
              s: c.slots.find((s: { proposedSide: string }) => s.proposedSide === 'PARTNER').id,
            },
          );
          const written = await admin.request(
            `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { ${NOTE_TREE} version commitments { id version } } }`,
            {
              i: {
                coVisitId: v.id,
                visibility: 'SHARED',
                outcome: 'SQL计数纪要',
                ccUserIds: others,
                idempotencyKey: randomUUID(),
                tasks: Array.from({ length: n }, (_, i) => ({ title: `任务${i}`, ownerId: others[i % others.length] })),
                commitments: Array.from({ length: n }, (_, i) => ({
                  kind: 'PRICE',
                  description: `承诺${i}`,
                  amount: '1.00',
                  currency: 'CNY',
                })),
              },
            },
          );
          const note = written.data.writeVisitNote;
          const acked = await owner.request(
            `mutation($id: ID!, $v: Int!) { acknowledgeCommitment(id: $id, expectedVersion: $v) { id note { ${NOTE_TREE} } } }`,
            { id: note.commitments[0].id, v: note.commitments[0].version },
          );
          const commented = await owner.request(
            `mutation($n: ID!, $k: ID!) { commentOnVisitNote(noteId: $n, body: "收到", idempotencyKey: $k) { id author { ${PERSON} } } }`,
            { n: note.id, k: randomUUID() },
          );
          const detail = await owner.request(`query($id: ID!) { visitNote(id: $id) { ${NOTE_TREE} } }`, {
            id: note.id,
          });
          const all = [proposed, countered, accepted, written, acked, commented, detail];
          expect(all.flatMap((r) => r.errors)).toEqual([]);
          return all.map((r) => r.sqlCount);
        };
        const two = await measure(2);
        const ten = await measure(10);
        // people are loaded from several depths of the answer: one batch more or less, never one per item
        ten.forEach((count, i) => expect(Math.abs(count - two[i])).toBeLessThanOrEqual(1));
      },
  },
};

/** `n` co-visits and notes about them, each with nested records (fixtures, written straight to the database). */
async function seedVisitPage(
  ds: DataSource,
  brand: BrandFixture,
  n: number,
  adminId: string,
  ownerId: string,
  repId: string,
  hospitalId: string,
): Promise<void> {
  for (let i = 0; i < n; i++) {
    const [v] = await ds.query(
      `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, starts_at, checked_in_at, proposed_by, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, 'CONFIRMED', now() + make_interval(mins => $5), now(), $6, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], hospitalId, `SQL拜访 ${i}`, i, adminId],
    );
    await ds.query(
      `INSERT INTO co_visit_slot (brand_id, co_visit_id, starts_at, ends_at, proposed_by, proposed_side) VALUES ($1, $2, now(), now() + interval '1 hour', $3, 'BRAND'), ($1, $2, now() + interval '1 day', now() + interval '25 hours', $4, 'PARTNER')`,
      [brand.brandId, v.id, adminId, ownerId],
    );
    await ds.query(
      `INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, 'BRAND'), ($1, $2, $4, 'PARTNER')`,
      [brand.brandId, v.id, adminId, ownerId],
    );
    const [note] = await ds.query(
      `INSERT INTO visit_note (brand_id, author_id, co_visit_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, 'SHARED', CURRENT_DATE, $6, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, adminId, v.id, hospitalId, brand.distributorIds[0], `SQL纪要 ${i}`],
    );
    await ds.query(
      `INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $5), ($1, $2, $4, $5)`,
      [brand.brandId, note.id, ownerId, repId, adminId],
    );
    await ds.query(
      `INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) VALUES ($1, $2, 1, '报价', $3), ($1, $2, 2, '排班', $4)`,
      [brand.brandId, note.id, adminId, repId],
    );
    await ds.query(
      `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, amount, currency, status, answered_by) VALUES ($1, $2, 1, 'PRICE', '九折', '10.00', 'CNY', $3, $4)`,
      [brand.brandId, note.id, i % 2 ? 'DISPUTED' : 'OPEN', i % 2 ? ownerId : null],
    );
    await ds.query(
      `INSERT INTO visit_comment (brand_id, note_id, author_id, body, idempotency_key, request_hash) VALUES ($1, $2, $3, '收到', gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, note.id, ownerId],
    );
  }
}
