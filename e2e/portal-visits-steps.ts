import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { url } from './support/browser';
import { settledDialog } from './support/select';
import { apiAs, type Api } from './support/api';

// A partner user's visit steps in the portal, for portal-visits.e2e.ts and for the cross-app test
// (a channel manager proposes a co-visit in the console, see visit-desk.ts → the rep answers it
// here → the manager writes a shared note with a commitment → the owner acknowledges it here).
// Pages must be signed in to the portal as a partner user, in Chinese, at phone size.
// Setup the tests are not about goes through the API (apiAs), with text unique to the test.

/** The partner user's id and distributor's id, asked as themselves. */
export async function whoIs(email: string): Promise<{ id: string; distributorId: string }> {
  const gql = await apiAs('portal', email);
  const { me } = await gql<{ me: { id: string; distributor: { id: string } } }>('{ me { id distributor { id } } }');
  return { id: me.id, distributorId: me.distributor.id };
}

/** A hospital the brand user may see, by its full name. */
export async function hospitalId(gql: Api, name: string): Promise<string> {
  const { hospitals } = await gql<{ hospitals: { nodes: Array<{ id: string; name: string }> } }>(
    'query($s: String!) { hospitals(first: 5, filter: { search: $s }) { nodes { id name } } }',
    { s: name },
  );
  const found = hospitals.nodes.find((h) => h.name === name);
  if (!found) throw new Error(`hospital ${name} not visible`);
  return found.id;
}

/** A day `days` from today in China, as YYYY-MM-DD. */
function chinaDay(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A slot on that day, hh:00 to hh:30 an hour later, China time. */
export const slotOn = (days: number, hh: number) => {
  const h = (n: number) => String(n).padStart(2, '0');
  return { startsAt: `${chinaDay(days)}T${h(hh)}:00:00+08:00`, endsAt: `${chinaDay(days)}T${h(hh + 1)}:30:00+08:00` };
};

/** The brand user (gql) proposes a co-visit to one partner user, with the goal as its unique text. */
export async function proposeCoVisitByApi(
  gql: Api,
  plan: {
    goal: string;
    hospitalId: string;
    distributorId: string;
    participantId: string;
    slots: Array<{ startsAt: string; endsAt: string }>;
  },
): Promise<{ id: string; version: number }> {
  const { proposeCoVisit } = await gql<{ proposeCoVisit: { id: string; version: number } }>(
    'mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { id version } }',
    {
      i: {
        goal: plan.goal,
        hospitalId: plan.hospitalId,
        distributorId: plan.distributorId,
        participantIds: [plan.participantId],
        slots: plan.slots,
        idempotencyKey: randomUUID(),
      },
    },
  );
  return proposeCoVisit;
}

/** The brand user (gql) writes a SHARED note CC'ing partner users, with commitments and tasks. */
export async function writeSharedNoteByApi(
  gql: Api,
  note: {
    hospitalId: string;
    distributorId: string;
    outcome: string;
    ccUserIds: string[];
    commitments: Array<{ kind: string; description: string; amount?: string; currency?: string }>;
    tasks?: Array<{ title: string; ownerId: string }>;
  },
): Promise<string> {
  const { writeVisitNote } = await gql<{ writeVisitNote: { id: string } }>(
    'mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }',
    {
      i: { visibility: 'SHARED', nextSteps: '下周回访', tasks: [], ...note, idempotencyKey: randomUUID() },
    },
  );
  return writeVisitNote.id;
}

/** From the tab bar to 拜访, on a tab (plans, notes, commitments). */
export async function openVisits(page: Page, tab: 'plans' | 'notes' | 'commitments' = 'plans'): Promise<void> {
  await page.getByTestId('tab-visits').click();
  if (tab !== 'plans') await page.getByTestId(`visits-tab-${tab}`).click();
  const list = { plans: 'co-visits', notes: 'notes', commitments: 'commitments' }[tab];
  await page.locator(`[data-testid="${list}"][data-ready="true"]`).waitFor();
}

/** On 协同拜访: opens the plan with this goal (upcoming), waiting for its page. */
export async function openCoVisit(page: Page, goal: string): Promise<void> {
  const row = page.getByTestId('co-visit-row').and(page.locator(`[data-goal="${goal}"]`));
  await row.click();
  await page.getByTestId('co-visit-goal').getByText(goal).waitFor();
}

/** Waits until the plan's page shows `status`. */
export async function waitForCoVisitStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="co-visit"][data-status="${status}"]`).waitFor();
}

/** On my turn: takes the brand's first time offered. */
export async function acceptFirstSlot(page: Page): Promise<void> {
  await page.getByTestId('co-visit-accept-0').click();
  await waitForCoVisitStatus(page, 'CONFIRMED');
}

/** On my turn: offers another time, `days` from today, from–to (HH:MM, China time). */
export async function proposeAnotherTime(page: Page, days: number, from: string, to: string): Promise<void> {
  await page.getByTestId('co-visit-propose').click();
  await page.getByTestId('slot-day').fill(chinaDay(days));
  await page.getByTestId('slot-from').fill(from);
  await page.getByTestId('slot-to').fill(to);
  await page.getByTestId('slot-submit').click();
  await page.getByTestId('co-visit-awaiting').waitFor();
}

/** At the hospital: checks in on a confirmed plan. */
export async function checkIn(page: Page): Promise<void> {
  await page.getByTestId('co-visit-check-in').click();
  await page.getByTestId('co-visit-checked-in').waitFor();
}

/** The owner's commitments inbox on a status tab; the commitment with this description. */
export async function commitmentIn(page: Page, status: 'OPEN' | 'ACKNOWLEDGED' | 'DISPUTED', description: string) {
  await page.getByTestId(`commitment-filter-${status}`).click();
  await page.locator(`[data-testid="commitments"][data-status="${status}"][data-ready="true"]`).waitFor();
  return page.getByTestId('commitment').and(page.locator(`[data-description="${description}"]`));
}

/** The owner acknowledges the open commitment with this description (on the inbox or a note). */
export async function acknowledgeCommitment(page: Page, description: string): Promise<void> {
  const item = page
    .getByTestId('commitment')
    .and(page.locator(`[data-description="${description}"][data-status="OPEN"]`));
  await item.getByTestId('commitment-acknowledge').click();
  await page
    .locator(`[data-testid="commitment"][data-description="${description}"][data-status="OPEN"]`)
    .waitFor({ state: 'detached' });
}

/** The owner disputes the open commitment with this description, saying why. */
export async function disputeCommitment(page: Page, description: string, reason: string): Promise<void> {
  const item = page
    .getByTestId('commitment')
    .and(page.locator(`[data-description="${description}"][data-status="OPEN"]`));
  await item.getByTestId('commitment-dispute').click();
  const dialog = await settledDialog(page);
  await dialog.getByTestId('commitment-dispute-reason-input').fill(reason);
  await dialog.getByTestId('commitment-dispute-ok').click();
  await page
    .locator(`[data-testid="commitment"][data-description="${description}"][data-status="OPEN"]`)
    .waitFor({ state: 'detached' });
}

/** On 通知: opens the notice of this kind about this record (a co-visit or a note), landing where it leads. */
export async function openNotice(page: Page, kind: string, entityId: string): Promise<void> {
  await page.goto(url('portal', '/notifications'));
  await page.locator(`[data-testid="notification"][data-kind="${kind}"][data-entity-id="${entityId}"]`).click();
}

/** What the signed-in partner user's notices are about (entity ids), asked of the API with the page's session. */
export async function noticeEntityIds(page: Page): Promise<string[]> {
  const answer = await page.evaluate(async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
      body: JSON.stringify({ query: '{ notifications(first: 100) { nodes { entityId } } }' }),
    });
    return (await res.json()) as { data?: { notifications: { nodes: Array<{ entityId: string }> } } };
  });
  if (!answer.data) throw new Error(`notifications failed: ${JSON.stringify(answer)}`);
  return answer.data.notifications.nodes.map((n) => n.entityId);
}
