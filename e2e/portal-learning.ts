import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pickOption } from './support/select';

// A partner user's learning steps in the portal, for portal-training.e2e.ts and for any
// cross-app test (the trainer assigns a course in the console → the rep takes it here).
// The page must be signed in to the portal as a partner user, in Chinese.

/** The answers a quiz is given, as the learner reads them: a question's prompt → the texts of the options ticked. */
export type QuizAnswers = Record<string, string[]>;

/** 培训 → 我的培训, narrowed to a status (ASSIGNED, IN_PROGRESS, COMPLETED, overdue; all by default). */
export async function openMyTraining(page: Page, status?: string): Promise<void> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('training-tab-mine').click();
  if (status) {
    await page.getByTestId(`training-filter-${status}`).click();
    await page.waitForURL(new RegExp(`status=${status}`));
  }
  // The list answered for this filter (not the one shown before it changed).
  await page.locator(`[data-testid="enrollments"][data-filter="${status ?? 'all'}"][data-ready="true"]`).waitFor();
}

/** On 我的培训: opens a course by (part of) its title; waits for the course page. */
export async function openEnrolledCourse(page: Page, title: string): Promise<void> {
  await page.getByTestId('enrollment-row').filter({ hasText: title }).click();
  await page.getByTestId('course-title').getByText(title).waitFor();
}

/** On a course page: starts it when not yet started; then the reader (progress, a section or the quiz) shows. */
export async function startCourse(page: Page): Promise<void> {
  const start = page.getByTestId('course-start');
  const reader = page.getByTestId('course-progress');
  await start.or(reader).first().waitFor();
  if (await start.isVisible()) await start.click();
  await reader.waitFor();
}

/** Reads the sections one by one ("学完本节"); answers the ids of the sections read, in order. */
export async function readEverySection(page: Page): Promise<string[]> {
  const read: string[] = [];
  const section = page.getByTestId('course-section');
  const quiz = page.getByTestId('quiz');
  for (;;) {
    await section.or(quiz).first().waitFor();
    if (!(await section.isVisible())) return read;
    const id = (await section.getAttribute('data-section')) ?? '';
    read.push(id);
    await page.getByTestId('section-next').click();
    await page.locator(`[data-testid="course-section"][data-section="${id}"]`).waitFor({ state: 'detached' });
  }
}

/** How many sections the progress says are done, of how many. */
export async function courseProgress(page: Page): Promise<{ done: number; total: number }> {
  const progress = page.getByTestId('course-progress');
  return {
    done: Number(await progress.getAttribute('data-done')),
    total: Number(await progress.getAttribute('data-total')),
  };
}

/** The quiz's question that reads `prompt`. */
function quizQuestion(page: Page, prompt: string) {
  return page.getByTestId('quiz').locator('li').filter({ hasText: prompt });
}

/** On the quiz: the options each question shows, by its prompt, as the learner reads them. */
export async function quizOptions(page: Page, prompts: string[]): Promise<Record<string, string[]>> {
  await page.getByTestId('quiz').waitFor();
  const out: Record<string, string[]> = {};
  for (const prompt of prompts)
    out[prompt] = (await quizQuestion(page, prompt).locator('label').allInnerTexts()).map((text) => text.trim());
  return out;
}

/** On the quiz: ticks the options by the text the learner reads (radios for single, checkboxes for multiple answers). */
export async function answerQuiz(page: Page, answers: QuizAnswers): Promise<void> {
  await page.getByTestId('quiz').waitFor();
  for (const [prompt, options] of Object.entries(answers)) {
    const question = quizQuestion(page, prompt);
    for (const option of options) await question.locator('label').filter({ hasText: option }).click();
  }
}

export interface QuizOutcome {
  passed: boolean;
  score: number;
  /** ids of the questions answered wrongly */
  wrong: string[];
  /** attempts left, when not passed */
  attemptsLeft: number | null;
  /** the certificate issued, when passed */
  certificate: string | null;
}

/** Submits the quiz and reads the immediate result. */
export async function submitQuiz(page: Page): Promise<QuizOutcome> {
  await page.getByTestId('quiz-submit').click();
  return quizOutcome(page);
}

/** The result card the quiz shows once the server has scored the attempt. */
export async function quizOutcome(page: Page): Promise<QuizOutcome> {
  const result = page.getByTestId('quiz-result');
  await result.waitFor();
  const passed = (await result.getAttribute('data-passed')) === 'true';
  const wrongIds = await page
    .locator('[data-testid^="quiz-wrong-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('quiz-wrong-'.length)));
  const left = page.getByTestId('quiz-attempts-left');
  const certificate = page.getByTestId('quiz-certificate');
  return {
    passed,
    score: Number(await result.getAttribute('data-score')),
    wrong: wrongIds,
    attemptsLeft: (await left.count()) ? Number(await left.getAttribute('data-left')) : null,
    certificate: (await certificate.count()) ? await certificate.getAttribute('data-number') : null,
  };
}

/** 培训 → 证书: each certificate's number, product lines and validity. */
export async function myCertificates(
  page: Page,
): Promise<Array<{ number: string; lines: string; valid: boolean; text: string }>> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('training-tab-certificates').click();
  const rows = page.getByTestId('certificate-row');
  await rows.first().waitFor();
  const out = [];
  for (const row of await rows.all()) {
    out.push({
      number: (await row.getAttribute('data-number')) ?? '',
      lines: await row.getByTestId('certificate-lines').innerText(),
      valid: (await row.getAttribute('data-valid')) === 'true',
      text: await row.innerText(),
    });
  }
  return out;
}

/**
 * On 证书: the certificate with this number downloaded by its 下载证书 button, as the browser saved
 * it: the answer's status and type, the suggested name and the file's first bytes.
 */
export async function downloadCertificate(
  page: Page,
  number: string,
): Promise<{ status: number; contentType: string; fileName: string; head: string }> {
  const row = page.locator(`[data-testid="certificate-row"][data-number="${number}"]`);
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/files/certificates/')),
    page.waitForEvent('download'),
    row.getByRole('button', { name: '下载证书' }).click(),
  ]);
  return {
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    fileName: download.suggestedFilename(),
    head: readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  };
}

/** The owner's 培训 → 团队, narrowed to a product line by name: each person and the lines they are certified for. */
export async function teamCertifiedFor(page: Page, productLine: string): Promise<Record<string, string[]>> {
  await page.getByTestId('tab-training').click();
  await page.getByTestId('training-tab-team').click();
  await pickOption(page, page.getByTestId('readiness-line-filter'), productLine, '');
  await page.waitForURL(/line=/);
  // The list answered for this line (not the one shown before the filter changed).
  const line = new URL(page.url()).searchParams.get('line') ?? '';
  await page.locator(`[data-testid="readiness"][data-line="${line}"][data-ready="true"]`).waitFor();
  const out: Record<string, string[]> = {};
  for (const row of await page.getByTestId('readiness-row').all()) {
    const lines = await row
      .getByTestId('certified-line')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-line') ?? ''));
    out[(await row.getAttribute('data-user')) ?? ''] = lines;
  }
  return out;
}

/** How many quiz attempts the signed-in user has used on a course, asked of the API with the page's own session. */
export async function quizAttemptsUsed(page: Page, courseId: string): Promise<number> {
  const answer = await page.evaluate(async (id) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
      body: JSON.stringify({
        query: 'query($id: ID!) { course(id: $id) { myEnrollment { attempts } } }',
        variables: { id },
      }),
    });
    return (await res.json()) as { data?: { course: { myEnrollment: { attempts: number } | null } } };
  }, courseId);
  if (!answer.data) throw new Error(`attempts failed: ${JSON.stringify(answer)}`);
  return answer.data.course.myEnrollment?.attempts ?? 0;
}

/**
 * A bad network for one request: the first `operation` the page sends reaches the server, but its
 * answer never comes back to the phone; later requests pass. Answers a function that stops it.
 */
export async function loseFirstAnswer(page: Page, operation: string): Promise<() => Promise<void>> {
  let lost = 0;
  const handler: Parameters<Page['route']>[1] = async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === operation && lost === 0) {
      lost += 1;
      await route.fetch();
      await route.abort('internetdisconnected');
      return;
    }
    await route.continue();
  };
  await page.route('**/graphql', handler);
  return () => page.unroute('**/graphql', handler);
}
