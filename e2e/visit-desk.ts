import type { Locator, Page } from 'playwright-core';
import { url } from './support/browser';
import { typeDate } from './finance-desk';
import { pickOption } from './support/select';

// The visit desk's steps in the console (拜访): plan a co-visit, check in and mark it done, write a
// note (brand-only or shared with a commitment and a CC list), settle a disputed commitment — for
// console-visits.e2e.ts and the cross-app test (the manager plans here → the rep answers in the
// portal → the manager writes a shared note here → the owner acknowledges in the portal).
// The page must be signed in to the console, in Chinese, as a role that plans visits
// (CHANNEL_MANAGER, REGIONAL_HEAD, ADMIN; ENGINEER cannot list people yet); REGIONAL_HEAD or ADMIN to resolve.

export type VisitsTab = 'week' | 'notes' | 'team' | 'disputes';
type CommitmentKind = 'PRICE' | 'SUPPORT' | 'TRIAL_EQUIPMENT' | 'DELIVERY_DATE' | 'OTHER';

const KIND_LABEL: Record<CommitmentKind, string> = {
  PRICE: '价格',
  SUPPORT: '支持',
  TRIAL_EQUIPMENT: '试用设备',
  DELIVERY_DATE: '交货日期',
  OTHER: '其他',
};

/** YYYY-MM-DD, days from today (the browser's and the test's local day). */
export function dayFromToday(days: number): string {
  // the visit calendar is China's (the forms refuse days before today there), whatever the machine's zone
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Opens a tab of the visits area, with URL filters (`?week=2026-11-23`, `?q=…`) when given. */
export async function openVisits(page: Page, tab: VisitsTab, query = ''): Promise<void> {
  await page.goto(url('console', `/visits/${tab}${query}`));
  await page.locator('.ant-tabs-tab-active').getByTestId(`visits-tab-${tab}`).waitFor();
}

/** Several options of a multiple select, each picked and checked; the list closed after. */
async function chooseAll(page: Page, select: Locator, texts: string[]): Promise<void> {
  for (const text of texts) await pickOption(page, select, text);
}

/** Success, or the refusal shown (`<prefix>-error` with its reason), whichever comes first; a refusal fails the step with its words. */
async function settle(page: Page, errorTestId: string, success: () => Promise<unknown>, what: string): Promise<void> {
  const error = page.getByTestId(errorTestId);
  await Promise.race([success(), error.waitFor({ timeout: 30_000 })]);
  if (await error.isVisible())
    throw new Error(`${what} refused (${await error.getAttribute('data-reason')}): ${await error.innerText()}`);
}

export interface CoVisitPlan {
  /** Full or partial hospital name, typed into the search */
  hospital: string;
  department?: string;
  /** Distributor name or code, typed into the picker */
  distributor: string;
  /** The distributor's people who go, by display name (at least one) */
  partners: string[];
  /** Brand colleagues who go too, by display name */
  colleagues?: string[];
  /** Unique text: the test finds the plan by it */
  goal: string;
  /** Times offered: days from today and a start on the half hour ('10:00'); one hour each */
  slots: Array<{ daysFromToday: number; start: string }>;
}

export interface PlannedVisit {
  id: string;
  goal: string;
}

/** 发起协同拜访 from the week, filled and sent; lands on the plan's page (PROPOSED). Returns its id and goal. */
export async function proposeCoVisit(page: Page, plan: CoVisitPlan): Promise<PlannedVisit> {
  await openVisits(page, 'week');
  await page.getByTestId('visit-plan').click();
  const form = page.getByTestId('plan-form');
  await form.waitFor();
  await pickOption(page, form.getByTestId('plan-hospital'), plan.hospital);
  // The hospital's departments load once it is chosen.
  if (plan.department)
    await pickOption(page, form.locator('[data-testid="plan-department"]:not(.ant-select-disabled)'), plan.department);
  await pickOption(page, form.getByTestId('plan-distributor'), plan.distributor);
  await chooseAll(page, form.getByTestId('plan-partners'), plan.partners);
  if (plan.colleagues?.length) await chooseAll(page, form.getByTestId('plan-colleagues'), plan.colleagues);
  await form.getByTestId('plan-goal').fill(plan.goal);
  for (let i = 0; i < plan.slots.length; i++) {
    if (i > 0) await form.getByTestId('slot-add').click();
    const slot = form.getByTestId(`slot-${i}`);
    await typeDate(slot.getByTestId('slot-date'), dayFromToday(plan.slots[i].daysFromToday));
    await pickOption(page, slot.getByTestId('slot-start'), plan.slots[i].start);
  }
  await form.getByTestId('plan-submit').click();
  await settle(
    page,
    'plan-error',
    () => page.waitForURL(/\/visits\/co\/[0-9a-f-]{36}$/, { timeout: 30_000 }),
    'proposing the co-visit',
  );
  await page.getByTestId('covisit-goal').filter({ hasText: plan.goal }).waitFor();
  return { id: page.url().split('/').pop()!, goal: plan.goal };
}

/** Opens a co-visit's page and waits for it. */
export async function openCoVisit(page: Page, id: string): Promise<void> {
  await page.goto(url('console', `/visits/co/${id}`));
  await page.locator(`[data-testid="covisit"][data-id="${id}"]`).waitFor();
}

/** On a CONFIRMED co-visit (the other side accepted): 到院签到, then 标记完成; waits for DONE. */
export async function checkInAndComplete(page: Page, id: string): Promise<void> {
  await openCoVisit(page, id);
  await page.getByTestId('covisit-checkin').click();
  await settle(
    page,
    'covisit-error',
    () => page.getByTestId('covisit-complete').waitFor({ timeout: 30_000 }),
    'checking in',
  );
  await page.getByTestId('covisit-complete').click();
  await settle(
    page,
    'covisit-error',
    () => page.locator('[data-testid="covisit"][data-status="DONE"]').waitFor({ timeout: 30_000 }),
    'marking done',
  );
}

export interface NoteDraft {
  /** Write it about this co-visit (its hospital and distributor); else hospital (+ distributor to share) */
  coVisitId?: string;
  hospital?: string;
  distributor?: string;
  /** Unique text: the test finds the note by it */
  outcome: string;
  nextSteps?: string;
  /** Brand colleagues to CC, by display name */
  ccBrand?: string[];
  task?: { title: string; dueInDays?: number };
}

export interface SharedNoteDraft extends NoteDraft {
  /** The distributor's people to CC, by display name: the owner for a commitment */
  cc: string[];
  commitment?: { kind: CommitmentKind; description: string; amount?: string; dueInDays?: number };
}

async function fillNote(page: Page, draft: NoteDraft): Promise<Locator> {
  await page.goto(
    url('console', draft.coVisitId ? `/visits/notes/write?coVisit=${draft.coVisitId}` : '/visits/notes/write'),
  );
  const form = page.getByTestId('note-form');
  await form.waitFor();
  if (draft.coVisitId) await form.getByTestId('note-covisit').waitFor();
  if (draft.hospital) await pickOption(page, form.getByTestId('note-hospital'), draft.hospital);
  if (draft.distributor) await pickOption(page, form.getByTestId('note-distributor'), draft.distributor);
  await form.getByTestId('note-outcome').fill(draft.outcome);
  if (draft.nextSteps) await form.getByTestId('note-next-steps').fill(draft.nextSteps);
  if (draft.ccBrand?.length) await chooseAll(page, form.getByTestId('note-cc-brand'), draft.ccBrand);
  if (draft.task) {
    await form.getByTestId('task-add').click();
    await form.getByTestId('task-0').getByTestId('task-title').fill(draft.task.title);
    if (draft.task.dueInDays !== undefined)
      await typeDate(form.getByTestId('task-0').getByTestId('task-due'), dayFromToday(draft.task.dueInDays));
  }
  return form;
}

/** Saves the filled note; lands on its page. Returns the note's id. */
async function saveNote(page: Page, form: Locator, outcome: string): Promise<string> {
  // the confirmation shows for a few seconds: watched for from before the click
  const confirmed = page.locator('.ant-message-notice', { hasText: '拜访记录已保存' }).waitFor({ timeout: 30_000 });
  confirmed.catch(() => undefined);
  await form.getByTestId('note-submit').click();
  await settle(
    page,
    'note-error',
    () => page.waitForURL(/\/visits\/notes\/[0-9a-f-]{36}$/, { timeout: 30_000 }),
    'writing the note',
  );
  await confirmed;
  await page.getByTestId('note-outcome-text').filter({ hasText: outcome }).waitFor();
  return page.url().split('/').pop()!;
}

/** 写拜访记录, brand only (仅品牌内部). Returns the note's id. */
export async function writeInternalNote(page: Page, draft: NoteDraft): Promise<string> {
  const form = await fillNote(page, draft);
  await form.getByTestId('note-visibility-internal').click();
  await form.locator('[data-testid="note-audience"][data-visibility="INTERNAL"]').waitFor();
  return saveNote(page, form, draft.outcome);
}

/**
 * 写拜访记录 shared (共享给抄送人) with the distributor's people in `cc` (the owner, for a
 * commitment) and optionally one commitment. Returns the note's id.
 */
export async function writeSharedNote(page: Page, draft: SharedNoteDraft): Promise<string> {
  const form = await fillNote(page, draft);
  await form.getByTestId('note-visibility-shared').click();
  await chooseAll(page, form.getByTestId('note-cc-partner'), draft.cc);
  if (draft.commitment) {
    const c = draft.commitment;
    await form.getByTestId('commitment-add').click();
    const row = form.getByTestId('commitment-0');
    await pickOption(page, row.getByTestId('commitment-kind'), KIND_LABEL[c.kind], '');
    await row.getByTestId('commitment-description').fill(c.description);
    if (c.amount) await row.getByTestId('commitment-amount').fill(c.amount);
    if (c.dueInDays !== undefined) await typeDate(row.getByTestId('commitment-due'), dayFromToday(c.dueInDays));
  }
  return saveNote(page, form, draft.outcome);
}

/** On 承诺争议 (a regional head or admin): settles the disputed commitment with the resolution; waits until it leaves the disputed list. */
export async function resolveDisputedCommitment(page: Page, commitmentId: string, resolution: string): Promise<void> {
  await openVisits(page, 'disputes');
  const row = page.locator(`[data-testid="disputes"] tr[data-id="${commitmentId}"]`);
  await row.getByTestId('dispute-resolve').click();
  await page.getByTestId('resolution-reason').fill(resolution);
  await page.getByTestId('resolution-submit').click();
  await settle(
    page,
    'resolution-error',
    () => row.waitFor({ state: 'detached', timeout: 30_000 }),
    'resolving the commitment',
  );
}
