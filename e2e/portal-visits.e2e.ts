import { readFileSync } from 'node:fs';
import { browsers, PHONE, type Session } from './support/browser';
import {
  acceptFirstSlot,
  acknowledgeCommitment,
  checkIn,
  commitmentIn,
  disputeCommitment,
  hospitalId,
  openCoVisit,
  proposeAnotherTime,
  proposeCoVisitByApi,
  slotOn,
  waitForCoVisitStatus,
  whoIs,
  writeSharedNoteByApi,
} from './portal-visits-steps';
import { apiAs } from './support/api';
import { tagPerAttempt } from './support/attempt';

// Visits in the portal, on a phone. 张伟 (channel manager, 杭州) proposes co-visits to 李娜 (REP,
// 杭州康达) through the API: she takes the first time of one and checks in, offers another time on
// a second, and on a third that 张伟 has meanwhile called off she is told it changed (STALE_VERSION)
// and sees it cancelled. 张伟 writes a shared note with two commitments CC'ing 钱永强 (the owner):
// he acknowledges one, disputes the other with a reason, reads the note, ticks off his task and
// comments on it. Every record is the test's own (unique text); the seeded ones are only read.
const HOSPITAL = '浙江大学医学院附属第一医院';
const { signedIn } = browsers();
const tag = tagPerAttempt();

async function phoneAs(email: string, path: string): Promise<Session> {
  const s = await signedIn('portal', email, path, PHONE);
  await s.page.getByTestId('tab-bar').waitFor();
  return s;
}

test('rep on a phone: accepts a co-visit and checks in, offers another time on a second, is told a third changed meanwhile', async () => {
  const cm = await apiAs('console', 'zhang.cm@huakang.demo');
  const rep = await whoIs('li.rep@kangda.demo');
  const hospital = await hospitalId(cm, HOSPITAL);
  const plan = (goal: string, days: number, hour = 9) =>
    proposeCoVisitByApi(cm, {
      goal,
      hospitalId: hospital,
      distributorId: rep.distributorId,
      participantId: rep.id,
      slots: [slotOn(days, hour), slotOn(days + 1, 14)],
    });
  const accepted = `e2e 陪访接受 ${tag()}`;
  const offered = `e2e 陪访改期 ${tag()}`;
  const stale = `e2e 陪访已变 ${tag()}`;
  // the one accepted is today's, late in the day: check-in opens on the visit's day only
  await plan(accepted, 0, 16);
  await plan(offered, 5);
  const late = await plan(stale, 6);

  const { page, shot } = await phoneAs('li.rep@kangda.demo', '/visits');
  await page.locator('[data-testid="co-visits"][data-ready="true"]').waitFor();
  const mine = page.locator(`[data-testid="co-visit-row"][data-goal="${accepted}"]`);
  expect(await mine.getAttribute('data-my-turn')).toBe('true');
  await shot('visits-01-rep-plans');

  await openCoVisit(page, accepted);
  await shot('visits-02-rep-answer');
  await acceptFirstSlot(page);
  // confirmed: the visit goes into the phone's calendar, at its time, named by its hospital
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '加入日历' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('协同拜访.ics');
  const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain(`SUMMARY:协同拜访 Co-visit · ${HOSPITAL}`);
  expect(ics).toContain('STATUS:CONFIRMED');
  await shot('visits-02b-rep-confirmed');
  await checkIn(page);
  expect(await page.locator('[data-testid="co-visit-slot"][data-confirmed="true"]').count()).toBe(1);
  await shot('visits-03-rep-checked-in');

  await page.getByTestId('co-visit-back').click();
  await page.locator('[data-testid="co-visits"][data-ready="true"]').waitFor();
  await openCoVisit(page, offered);
  await proposeAnotherTime(page, 9, '14:00', '15:30');
  expect(await page.locator('[data-testid="co-visit-slot"][data-side="PARTNER"]').count()).toBe(1);
  expect(await page.locator('[data-testid="co-visit"]').getAttribute('data-status')).toBe('PROPOSED');
  await shot('visits-04-rep-offered-time');

  // 张伟 calls the third off while 李娜 has it open: her answer is refused as stale and the page reloads.
  await page.getByTestId('co-visit-back').click();
  await page.locator('[data-testid="co-visits"][data-ready="true"]').waitFor();
  await openCoVisit(page, stale);
  await cm(
    'mutation($id: ID!, $v: Int!) { cancelCoVisit(id: $id, expectedVersion: $v, reason: "客户临时有会") { id } }',
    { id: late.id, v: late.version },
  );
  await page.getByTestId('co-visit-accept-0').click();
  const error = page.getByTestId('co-visit-error');
  await error.waitFor();
  expect(await error.getAttribute('data-reason')).toBe('STALE_VERSION');
  expect(await error.innerText()).toContain('已为您刷新');
  await waitForCoVisitStatus(page, 'CANCELLED');
  expect(await page.getByTestId('co-visit-cancel-reason').innerText()).toContain('客户临时有会');
  await shot('visits-05-rep-stale');
});

test('owner on a phone: acknowledges one commitment, disputes another, ticks off a task and comments on the note', async () => {
  const cm = await apiAs('console', 'zhang.cm@huakang.demo');
  const owner = await whoIs('boss@kangda.demo');
  const hospital = await hospitalId(cm, HOSPITAL);
  const acked = `e2e 首批试剂九折 ${tag()}`;
  const disputed = `e2e 借用样机两周 ${tag()}`;
  const task = `e2e 整理科室试剂用量 ${tag()}`;
  const outcome = `e2e 超声科主任同意试用 ${tag()}`;
  await writeSharedNoteByApi(cm, {
    hospitalId: hospital,
    distributorId: owner.distributorId,
    outcome,
    ccUserIds: [owner.id],
    commitments: [
      { kind: 'PRICE', description: acked, amount: '1280.50', currency: 'CNY' },
      { kind: 'TRIAL_EQUIPMENT', description: disputed },
    ],
    tasks: [{ title: task, ownerId: owner.id }],
  });

  const { page, shot } = await phoneAs('boss@kangda.demo', '/visits?tab=commitments');
  await page.locator('[data-testid="commitments"][data-ready="true"]').waitFor();
  const open = page.locator(`[data-testid="commitment"][data-description="${acked}"]`);
  await open.waitFor();
  expect(await open.innerText()).toContain('¥1,280.50');
  await shot('visits-06-owner-inbox');
  await acknowledgeCommitment(page, acked);
  await disputeCommitment(page, disputed, '样机需要三周，两周不够');

  expect(await (await commitmentIn(page, 'ACKNOWLEDGED', acked)).getAttribute('data-status')).toBe('ACKNOWLEDGED');
  const inDispute = await commitmentIn(page, 'DISPUTED', disputed);
  expect(await inDispute.getByTestId('commitment-dispute-reason').innerText()).toContain('样机需要三周');
  await shot('visits-07-owner-disputed');

  // The note it came from: both answers show there; the owner's task and a comment.
  await inDispute.getByTestId('commitment-note').click();
  await page.getByTestId('note-outcome').getByText(outcome).waitFor();
  expect(
    await page.locator(`[data-testid="commitment"][data-description="${acked}"]`).getAttribute('data-status'),
  ).toBe('ACKNOWLEDGED');
  const mine = page.locator('[data-testid="task"][data-mine="true"]');
  await mine.getByTestId('task-done').click();
  await page.locator('[data-testid="task"][data-mine="true"][data-done="true"]').waitFor();
  await page.getByTestId('comment-input').fill(`已安排 ${tag()}`);
  await page.getByTestId('comment-send').click();
  await page.getByTestId('note-comment').getByText(`已安排 ${tag()}`).waitFor();
  expect(await page.getByTestId('comment-input').inputValue()).toBe('');
  await shot('visits-08-owner-note');

  // The notes list finds it by its commitment's text.
  await page.getByTestId('note-back').click();
  await page.getByTestId('note-search').locator('input').fill(disputed);
  await page.getByTestId('note-search').locator('input').press('Enter');
  await page.locator(`[data-testid="notes"][data-ready="true"][data-search="${disputed}"]`).waitFor();
  expect(await page.getByTestId('note-row').count()).toBe(1);
});
