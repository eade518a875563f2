import { browsers, url } from './support/browser';
import { seedDayPlus } from './support/calendar';
import { typeDate } from './finance-desk';
import { apiAs } from './support/api';
import { hospitalId, proposeCoVisitByApi, slotOn, whoIs } from './portal-visits-steps';
import {
  checkInAndComplete,
  dayFromToday,
  openCoVisit,
  openVisits,
  proposeCoVisit,
  resolveDisputedCommitment,
  writeInternalNote,
  writeSharedNote,
} from './visit-desk';

// Visits in the console: 张伟 (CHANNEL_MANAGER, 杭州) plans a co-visit with 杭州康达's rep 王浩
// (unique goal, so reruns and other tests never meet it), 王浩 accepts through the API, 张伟 checks
// in and marks it done, writes a brand-only note CC'ing his head and a shared one with a price
// commitment CC'ing the owner 钱永强; the owner disputes it (API); the regional head 赵建国 sees the
// visit in his team's view and both notes, and resolves the dispute. Seeded visits are only read.
const { signedIn } = browsers();

test('channel manager plans a co-visit, writes an internal and a shared note; the regional head sees them and settles the dispute', async () => {
  const tag = Date.now().toString(36);
  const cm = await signedIn('console', 'zhang.cm@huakang.demo', '/visits');
  const { page } = cm;
  await page.getByTestId('week-calendar').waitFor();
  await cm.shot('visits-01-week');

  const visit = await proposeCoVisit(page, {
    hospital: '浙江大学医学院附属第一医院',
    department: '超声医学科',
    distributor: '杭州康达',
    partners: ['王浩'],
    goal: `超声科 HK-200 复训与耗材 ${tag}`,
    slots: [
      // today: check-in opens on the visit's day only
      { daysFromToday: 0, start: '14:00' },
      { daysFromToday: 2, start: '09:30' },
    ],
  });
  expect(await page.getByTestId('covisit').getAttribute('data-status')).toBe('PROPOSED');
  expect(await page.getByTestId('covisit-slot').count()).toBe(2);
  // Awaiting the distributor: the proposer may cancel, not accept their own times.
  expect(await page.getByTestId('slot-accept').count()).toBe(0);
  await page.getByTestId('covisit-cancel').waitFor();
  await cm.shot('visits-02-proposed');

  // The week holding the first time shows it.
  await openVisits(page, 'week', `?week=${dayFromToday(0)}`);
  await page
    .locator(`[data-testid="week-day-${dayFromToday(0)}"] [data-testid="week-visit"][data-id="${visit.id}"]`)
    .waitFor();

  // 王浩 takes the first time (the portal's own tests do this by hand) while 张伟's page still shows the plan as proposed.
  await openCoVisit(page, visit.id);
  const rep = await apiAs('portal', 'wang.rep@kangda.demo');
  const { coVisit } = await rep<{ coVisit: { version: number; slots: Array<{ id: string; startsAt: string }> } }>(
    'query($id: ID!) { coVisit(id: $id) { version slots { id startsAt } } }',
    { id: visit.id },
  );
  await rep(
    'mutation($id: ID!, $v: Int!, $s: ID!) { acceptCoVisitSlot(id: $id, expectedVersion: $v, slotId: $s) { id } }',
    { id: visit.id, v: coVisit.version, s: coVisit.slots[0].id },
  );

  // Cancelling from the page read before that is refused as stale; the reason typed stays, the page reloads to CONFIRMED.
  await page.getByTestId('covisit-cancel').click();
  await page.getByTestId('covisit-cancel-reason').fill('医院临时有会');
  await page.getByTestId('covisit-cancel-submit').click();
  await page.locator('[data-testid="covisit-move-error"][data-reason="STALE_VERSION"]').waitFor();
  expect(await page.getByTestId('covisit-cancel-reason').inputValue()).toBe('医院临时有会');
  await page.locator('[data-testid="covisit"][data-status="CONFIRMED"]').waitFor();
  await cm.shot('visits-03-stale-cancel');
  await page.keyboard.press('Escape');
  await checkInAndComplete(page, visit.id);
  await page.getByTestId('covisit-timeline').getByText('张伟', { exact: false }).first().waitFor();
  await cm.shot('visits-04-done');

  const internal = `内部：科室主任倾向下季度换机，价格敏感 ${tag}`;
  const internalId = await writeInternalNote(page, {
    coVisitId: visit.id,
    outcome: internal,
    ccBrand: ['赵建国'],
    task: { title: `测算让利空间 ${tag}`, dueInDays: 5 },
  });
  expect(await page.getByTestId('note').getAttribute('data-visibility')).toBe('INTERNAL');
  expect(await page.getByTestId('note-readers').innerText()).toContain('经销商看不到');
  expect(await page.getByTestId('note-cc').innerText()).toContain('赵建国');
  // The task ticked off, a photo added (the author only, once the note exists), a comment.
  await page.getByTestId('note-task').getByTestId('task-done').click();
  await page.locator('[data-testid="note-task"][data-done="yes"]').waitFor();
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .getByTestId('note-upload-area')
    .locator('input[type=file]')
    .setInputFiles({ name: '科室白板.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('note-attachments').getByText('科室白板.png').waitFor();
  await page.getByTestId('comment-body').fill(`赵总：请看让利测算 ${tag}`);
  await page.getByTestId('comment-submit').click();
  await page
    .getByTestId('note-comment')
    .filter({ hasText: `请看让利测算 ${tag}` })
    .waitFor();
  await cm.shot('visits-05-internal-note');

  const shared = `共享：科室同意两周试用，耗材按 1280.50 元报价 ${tag}`;
  await page.goto(url('console', `/visits/notes/write?coVisit=${visit.id}`));
  await page.getByTestId('note-form').waitFor();
  const sharedId = await writeSharedNote(page, {
    coVisitId: visit.id,
    outcome: shared,
    nextSteps: '王浩跟进试用排期',
    cc: ['钱永强', '王浩'],
    commitment: { kind: 'PRICE', description: `耗材报价 ${tag}`, amount: '1280.50', dueInDays: 10 },
  });
  expect(await page.getByTestId('note').getAttribute('data-visibility')).toBe('SHARED');
  expect(await page.getByTestId('note-readers').innerText()).toContain('2 人');
  const commitment = page.getByTestId('commitment-row');
  expect(await commitment.getAttribute('data-status')).toBe('OPEN');
  expect(await commitment.innerText()).toContain('1,280.50');
  const commitmentId = (await commitment.getAttribute('data-id'))!;
  await cm.shot('visits-06-shared-note');

  // The owner disputes it (in the portal, by hand, in the cross-app test).
  const owner = await apiAs('portal', 'boss@kangda.demo');
  const { visitNote } = await owner<{ visitNote: { commitments: Array<{ id: string; version: number }> } }>(
    'query($id: ID!) { visitNote(id: $id) { commitments { id version } } }',
    { id: sharedId },
  );
  const mine = visitNote.commitments.find((c) => c.id === commitmentId)!;
  await owner(
    'mutation($id: ID!, $v: Int!, $r: String!) { disputeCommitment(id: $id, expectedVersion: $v, reason: $r) { id } }',
    { id: mine.id, v: mine.version, r: `报价未含运费 ${tag}` },
  );

  // The regional head: the visit in the team's view, both notes, and the dispute to settle.
  const rh = await signedIn('console', 'zhao.rh@huakang.demo', '/visits/team');
  await rh.page.locator(`[data-testid="team-visits"] tr[data-id="${visit.id}"][data-status="DONE"]`).waitFor();
  await rh.shot('visits-07-team');
  await openVisits(rh.page, 'notes', `?q=${encodeURIComponent(tag)}`);
  await rh.page.locator(`[data-testid="notes-row"][data-id="${internalId}"][data-visibility="INTERNAL"]`).waitFor();
  await rh.page.locator(`[data-testid="notes-row"][data-id="${sharedId}"][data-visibility="SHARED"]`).waitFor();
  await rh.shot('visits-08-notes');
  await resolveDisputedCommitment(rh.page, commitmentId, `与钱总确认：运费由华康承担 ${tag}`);
  await rh.page.goto(url('console', `/visits/notes/${sharedId}`));
  await rh.page.locator(`[data-testid="commitment-row"][data-id="${commitmentId}"][data-status="RESOLVED"]`).waitFor();
  expect(await rh.page.getByTestId('commitment-resolution').innerText()).toContain('运费由华康承担');
  await rh.shot('visits-09-resolved');

  // The manager's co-visit page now lists both notes.
  await openCoVisit(page, visit.id);
  expect(await page.getByTestId('covisit-notes').locator('a').count()).toBe(2);
});

test("a rep proposes: the channel manager sees it awaiting him, offers another time, then takes the rep's; the head may look, not act", async () => {
  const tag = Date.now().toString(36);
  const me = await (await apiAs('console', 'zhang.cm@huakang.demo'))<{ me: { id: string } }>('{ me { id } }');
  const rep = await apiAs('portal', 'wang.rep@kangda.demo');
  const { distributorId } = await whoIs('wang.rep@kangda.demo');
  const plan = await proposeCoVisitByApi(rep, {
    goal: `检验科 CRP 新批号介绍 ${tag}`,
    hospitalId: await hospitalId(rep, '杭州市第一人民医院'),
    distributorId,
    participantId: me.me.id,
    slots: [slotOn(3, 9)],
  });

  const cm = await signedIn('console', 'zhang.cm@huakang.demo', `/visits/week?week=${dayFromToday(3)}`);
  const { page } = cm;
  const card = page.locator(`[data-testid="week-visit"][data-id="${plan.id}"]`);
  await card.getByTestId('week-visit-my-turn').waitFor();
  await card.click();
  await page.locator(`[data-testid="covisit"][data-id="${plan.id}"][data-status="PROPOSED"]`).waitFor();
  await page.getByTestId('covisit-propose-slot').click();
  // His confirmed visit of the seed is on the seed's next day at 10:00, the form's default hour: he offers that day
  // (tomorrow, unless the run has crossed China's midnight since the seed), is asked first, and goes ahead.
  await typeDate(page.getByTestId('slot-date'), seedDayPlus(1));
  await page.getByTestId('covisit-slot-submit').click();
  await page.getByTestId('overlap-warning').waitFor();
  await cm.shot('visits-09-overlap-warning');
  await page.getByTestId('overlap-go').click();
  // Now the rep's turn: no accepting, no offering again from this side.
  await page.locator('[data-testid="covisit-slot"]').nth(1).waitFor();
  await page.getByTestId('covisit-propose-slot').waitFor({ state: 'detached' });
  expect(await page.getByTestId('slot-accept').count()).toBe(0);

  // The rep offers yet another time (API); 张伟 takes it.
  const { coVisit } = await rep<{ coVisit: { version: number } }>('query($id: ID!) { coVisit(id: $id) { version } }', {
    id: plan.id,
  });
  await rep(
    'mutation($id: ID!, $v: Int!, $s: CoVisitSlotInput!) { proposeCoVisitSlot(id: $id, expectedVersion: $v, slot: $s) { id } }',
    { id: plan.id, v: coVisit.version, s: slotOn(4, 15) },
  );
  await openCoVisit(page, plan.id);
  await page.getByTestId('slot-accept').last().click();
  await page.locator(`[data-testid="covisit"][data-id="${plan.id}"][data-status="CONFIRMED"]`).waitFor();
  expect(await page.getByTestId('covisit-when').innerText()).toContain('15:00');
  await cm.shot('visits-10-accepted');

  // The regional head sees his people's plan, but it is not his to move.
  const rh = await signedIn('console', 'zhao.rh@huakang.demo', `/visits/co/${plan.id}`);
  await rh.page.getByTestId('covisit-not-participant').waitFor();
  expect(await rh.page.getByTestId('covisit-checkin').count()).toBe(0);
  expect(await rh.page.getByTestId('covisit-cancel').count()).toBe(0);
});
