import type { Page } from 'playwright-core';
import { url } from './support/browser';
import { chooseDistributor, typeDate } from './finance-desk';
import { pickOption } from './support/select';

// The training desk's steps in the console (培训): write a course, publish it, start its next
// version, assign it, and read completion and certification — for console-training.e2e.ts and for
// cross-app tests (the trainer assigns here → a rep takes the course in the portal → readiness here).
// The page must be signed in to the console, in Chinese: as TRAINER or ADMIN to edit, REGIONAL_HEAD too to assign.

export type TrainingTab = 'courses' | 'completion' | 'readiness';

/** Opens a tab of the training area, with URL filters (`?by=DISTRIBUTOR&course=…`) when given. */
export async function openTraining(page: Page, tab: TrainingTab, query = ''): Promise<void> {
  await page.goto(url('console', `/training/${tab}${query}`));
  await page.locator('.ant-tabs-tab-active').getByTestId(`training-tab-${tab}`).waitFor();
}

export interface NewCourse {
  title: string;
  /** product lines a product course certifies for, by name */
  productLines: string[];
  section: { title: string; materialTitle: string; text: string };
  /** a single-choice question; `right` is the index of the right option */
  question: { prompt: string; options: string[]; right: number };
}

/** Picks options of an antd multiple select by typing each label, each checked on the field (support/select.ts). */
async function chooseAll(page: Page, testId: string, labels: string[]): Promise<void> {
  for (const label of labels) await pickOption(page, page.getByTestId(testId), label);
}

/** Success or the refusal shown on the course page, whichever comes first; a refusal fails the step with its words. */
async function settle(page: Page, success: () => Promise<void>, what: string): Promise<void> {
  const error = page.getByTestId('course-error');
  await Promise.race([success(), error.waitFor({ timeout: 30_000 })]);
  if (await error.isVisible()) throw new Error(`${what} refused: ${await error.innerText()}`);
}

/**
 * New course → one section with one text material and one single-choice question → 保存草稿.
 * Returns the new course's id (the page moves to /training/courses/<id>).
 */
export async function createCourse(page: Page, course: NewCourse): Promise<string> {
  await openTraining(page, 'courses');
  await page.getByTestId('course-new').click();
  await page.getByTestId('course-title').fill(course.title);
  await chooseAll(page, 'course-lines', course.productLines);
  const section = page.getByTestId('section-0');
  await section.getByTestId('section-title').fill(course.section.title);
  const material = section.getByTestId('material-0');
  await material.getByTestId('material-title').fill(course.section.materialTitle);
  await material.getByTestId('material-body').fill(course.section.text);
  const question = page.getByTestId('question-0');
  await question.getByTestId('question-prompt').fill(course.question.prompt);
  for (let i = 0; i < course.question.options.length; i++) {
    if (i >= 2) await question.getByTestId('option-add').click();
    await question.getByTestId(`option-${i}`).getByTestId('option-text').fill(course.question.options[i]);
  }
  await question.getByTestId(`option-${course.question.right}`).getByTestId('option-correct').check();
  await page.getByTestId('course-save').click();
  await settle(
    page,
    () => page.waitForURL(/\/training\/courses\/[0-9a-f-]{36}$/, { timeout: 30_000 }),
    'saving the new course',
  );
  await page.getByTestId('course-heading').getByText(course.title).waitFor();
  return page.url().split('/').pop()!;
}

/**
 * Adds a FILE material to a section of the open (saved) course: the file is uploaded to the course
 * at once and chosen for the material; the draft still needs saving.
 */
export async function addFileMaterial(
  page: Page,
  section: number,
  title: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const card = page.getByTestId(`section-${section}`);
  const index = await card.getByTestId('material-kind').count();
  await card.getByTestId('material-add').click();
  const material = card.getByTestId(`material-${index}`);
  await pickOption(page, material.getByTestId('material-kind'), '文件', '');
  await material.getByTestId('material-title').fill(title);
  await material.getByTestId('material-upload-input').setInputFiles(file);
  await Promise.race([
    material.getByTestId('material-file').getByText(file.name).waitFor({ timeout: 30_000 }),
    material.getByTestId('material-upload-error').waitFor({ timeout: 30_000 }),
  ]);
  if (await material.getByTestId('material-upload-error').isVisible())
    throw new Error(`upload refused: ${await material.getByTestId('material-upload-error').innerText()}`);
}

/** 发布 on the open course, confirmed; waits until it shows as published at that version. */
export async function publishOpenCourse(page: Page, version: number): Promise<void> {
  await page.getByTestId('course-publish').click();
  await page.getByTestId('course-publish-confirm').click();
  await settle(
    page,
    () =>
      page
        .getByTestId('course-state')
        .getByTestId('course-state-PUBLISHED')
        .filter({ hasText: `第 ${version} 版` })
        .waitFor({ timeout: 30_000 }),
    'publishing',
  );
}

/** Changes the first section's title on the open (published) course and saves: version n+1 starts as a draft. */
export async function reviseOpenCourse(page: Page, sectionTitle: string, draftVersion: number): Promise<void> {
  await page.getByTestId('section-0').getByTestId('section-title').fill(sectionTitle);
  await page.getByTestId('course-save').click();
  await settle(
    page,
    () =>
      page
        .getByTestId('course-state')
        .getByTestId('course-draft')
        .filter({ hasText: `第 ${draftVersion} 版` })
        .waitFor({ timeout: 30_000 }),
    'saving the draft',
  );
}

/** The open course's versions as the 版本历史 tab lists them, newest first. */
export async function versionsOfOpenCourse(page: Page): Promise<Array<{ version: number; status: string }>> {
  await page.getByTestId('course-tab-versions').click();
  const rows = page.getByTestId('course-versions').locator('.ant-table-row');
  await rows.first().waitFor();
  return rows.evaluateAll((els) =>
    els.map((el) => ({
      version: Number(el.getAttribute('data-version')),
      status: el.getAttribute('data-status') ?? '',
    })),
  );
}

/**
 * 分配 on the open course: to one distributor (typed into the picker by name or code), due on a
 * date (YYYY-MM-DD). Returns how many people the answer says it reached; the drawer is closed after.
 */
export async function assignOpenCourse(page: Page, distributor: string, dueOn: string): Promise<number> {
  await page.getByTestId('course-assign-open').click();
  const drawer = page.getByTestId('assign-drawer');
  await drawer.getByTestId('assign-submit').waitFor();
  await chooseDistributor(page, drawer.getByTestId('assign-distributor'), distributor);
  await drawer.getByTestId('assign-distributors').getByText(distributor).first().waitFor();
  await typeDate(drawer.getByTestId('assign-due'), dueOn);
  await drawer.getByTestId('assign-submit').click();
  const reached = drawer.getByTestId('assign-reached');
  await Promise.race([
    reached.waitFor({ timeout: 30_000 }),
    drawer.getByTestId('assign-error').waitFor({ timeout: 30_000 }),
  ]);
  if (!(await reached.isVisible()))
    throw new Error(`assignment refused: ${await drawer.getByTestId('assign-error').innerText()}`);
  const count = Number((await reached.innerText()).replace(/\D/g, ''));
  await drawer.getByTestId('assign-done').click();
  await drawer.waitFor({ state: 'hidden' });
  return count;
}

/** A row of the completion table (by its label: a province, distributor or course), as numbers. */
export async function completionOf(
  page: Page,
  label: string,
): Promise<{ assigned: number; completed: number; overdue: number }> {
  const row = page.getByTestId('completion-table').locator(`.ant-table-row[data-label="${label}"]`);
  await row.waitFor();
  const n = async (id: string) => Number((await row.getByTestId(id).innerText()).replace(/\D/g, ''));
  return {
    assigned: await n('completion-assigned'),
    completed: await n('completion-completed'),
    overdue: await n('completion-overdue'),
  };
}

/**
 * 认证情况 searched for a person: the product lines shown as certified for them (with valid-to),
 * or null when the viewer does not see them (outside their regions).
 */
export async function readinessOf(
  page: Page,
  person: string,
): Promise<{ distributor: string; lines: string[] } | null> {
  await openTraining(page, 'readiness', `?q=${encodeURIComponent(person)}`);
  const table = page.getByTestId('readiness-table');
  const row = table.locator(`.ant-table-row[data-person="${person}"]`);
  await Promise.race([row.waitFor(), table.getByTestId('empty').waitFor()]);
  if (!(await row.isVisible())) return null;
  const lines = await row
    .getByTestId('readiness-line-tag')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-line') ?? ''));
  return { distributor: (await row.getAttribute('data-distributor')) ?? '', lines };
}

/** One question of the open course's editor as the trainer reads it: its prompt and its options, ticked when right. */
export interface EditorQuestion {
  prompt: string;
  options: Array<{ text: string; correct: boolean }>;
}

/** The open course's questions as its editor (内容 tab) shows them, in order. */
export async function questionsOfOpenCourse(page: Page): Promise<EditorQuestion[]> {
  await page.getByTestId('course-tab-content').click();
  await page.getByTestId('question-0').getByTestId('question-prompt').waitFor();
  const out: EditorQuestion[] = [];
  for (let i = 0; (await page.getByTestId(`question-${i}`).count()) > 0; i++) {
    const question = page.getByTestId(`question-${i}`);
    const options: EditorQuestion['options'] = [];
    for (let j = 0; (await question.getByTestId(`option-${j}`).count()) > 0; j++) {
      const option = question.getByTestId(`option-${j}`);
      options.push({
        text: await option.getByTestId('option-text').inputValue(),
        correct: await option.getByTestId('option-correct').isChecked(),
      });
    }
    out.push({ prompt: await question.getByTestId('question-prompt').inputValue(), options });
  }
  return out;
}
