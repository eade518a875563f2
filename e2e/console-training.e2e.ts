import { readFileSync } from 'node:fs';
import { SCREENSHOTS, login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';
import { DISTRIBUTORS, USERS } from '../api/src/db/seed/demo-data';
import {
  addFileMaterial,
  assignOpenCourse,
  completionOf,
  createCourse,
  openTraining,
  publishOpenCourse,
  questionsOfOpenCourse,
  readinessOf,
  reviseOpenCourse,
  versionsOfOpenCourse,
} from './training-desk';

// Training in the console: 周敏 (TRAINER, 浙江/江苏) writes a course of her own (a unique title, so
// reruns and other tests never meet it), publishes it, revises it into version 2 and publishes
// that (version 1 retired), assigns it to 杭州康达 and reads completion; who is certified for what
// depends on whose regions one looks from: 广州粤康 is outside hers, inside the admin's.
const DESKTOP = { width: 1366, height: 900 };
const KD = '杭州康达医疗器械有限公司';
/** Everyone an assignment to 杭州康达 reaches: its owner and reps in the seed. */
const KD_PEOPLE = USERS.filter((u) => u.distributorCode === DISTRIBUTORS.find((d) => d.name === KD)!.code).length;
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** YYYY-MM-DD, days from today (local). */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('trainer: a course written, published, revised into v2 and republished; assigned to 杭州康达; completion shows it', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  const shot = s.shot;
  await page.goto(url('console', '/training'));
  await login(page, 'trainer@huakang.demo');
  await page.getByTestId('course-list').locator('.ant-table-row').first().waitFor();
  await shot('training-01-courses');

  const title = `彩超室内质控复训 ${Date.now().toString(36)}`;
  const courseId = await createCourse(page, {
    title,
    // 超声影像, not 体外诊断试剂: the CL-1000 analyser's gate must keep naming its own course to the portal's learner
    productLines: ['超声影像'],
    section: {
      title: '室内质控',
      materialTitle: '质控规则',
      text: '每日两个水平质控；失控时停止报告患者结果，查找原因并记录。',
    },
    question: {
      prompt: '质控失控时首先应当：',
      options: ['继续报告，事后补做', '停止报告患者结果并查找原因'],
      right: 1,
    },
  });
  await page.getByTestId('course-state').getByTestId('course-state-DRAFT').waitFor();
  // Once saved the course takes files: a PDF uploaded as a second material of the section.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await addFileMaterial(page, 0, '质控图模板', { name: '质控图模板.pdf', mimeType: 'application/pdf', buffer: pdf });
  await shot('training-02-new-course-draft');

  // A multiple-choice question with no right option saves, but publishing is refused at that question, and nothing typed is lost.
  await page.getByTestId('question-add').click();
  const second = page.getByTestId('question-1');
  await pickOption(page, second.getByTestId('question-kind'), '多选题', '');
  await second.getByTestId('question-prompt').fill('失控后需要记录哪些内容？');
  await second.getByTestId('option-0').getByTestId('option-text').fill('失控规则与原因');
  await second.getByTestId('option-1').getByTestId('option-text').fill('纠正措施');
  await second.getByTestId('option-0').getByTestId('option-correct').uncheck();
  await page.getByTestId('course-publish').click();
  await page.getByTestId('course-publish-confirm').click();
  await second.getByTestId('course-field-error').filter({ hasText: '多选题至少要标出一个正确选项' }).waitFor();
  expect(await page.getByTestId('course-error').getAttribute('data-reason')).toBe('VALIDATION_FAILED');
  expect(await second.getByTestId('question-prompt').inputValue()).toBe('失控后需要记录哪些内容？');
  await shot('training-03-publish-refused-at-question');
  await second.getByTestId('question-remove').click();

  await publishOpenCourse(page, 1);
  expect(await page.getByTestId('question-1').count()).toBe(0);
  await shot('training-03-published-v1');

  // A second tab still on version 1's page saves after the first tab did: told it is stale, its text kept.
  const other = await s.context.newPage();
  await other.goto(url('console', `/training/courses/${courseId}`));
  await other.getByTestId('section-0').getByTestId('section-title').waitFor();

  // Editing what people take starts version 2 as a draft; v1 stays what learners take until then.
  await reviseOpenCourse(page, '室内质控与失控处理', 2);
  expect(await page.getByTestId('course-state').getByTestId('course-state-PUBLISHED').innerText()).toContain('第 1 版');
  await shot('training-04-draft-v2');
  await other.getByTestId('section-0').getByTestId('section-title').fill('另一个标签页的标题');
  await other.getByTestId('course-save').click();
  await other.locator('[data-testid="course-error"][data-reason="STALE_VERSION"]').waitFor();
  expect(await other.getByTestId('section-0').getByTestId('section-title').inputValue()).toBe('另一个标签页的标题');
  await other.screenshot({ path: `${SCREENSHOTS}/training-04-stale-in-other-tab.png` });
  await other.close();
  await publishOpenCourse(page, 2);
  expect(await versionsOfOpenCourse(page)).toEqual([
    { version: 2, status: 'PUBLISHED' },
    { version: 1, status: 'RETIRED' },
  ]);
  await page.getByTestId('course-versions').getByTestId('courseVersionStatus-RETIRED').waitFor();
  await shot('training-05-versions');
  // The section kept both its materials through the versions.
  await page.getByTestId('course-tab-content').click();
  expect(
    await page
      .getByTestId('section-0')
      .getByTestId('material-title')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
  ).toEqual(['质控规则', '质控图模板']);

  // Assigned to 杭州康达's owner and reps, due in three weeks: the answer says how many it reached.
  const reached = await assignOpenCourse(page, KD, dayFromToday(21));
  expect(reached).toBe(KD_PEOPLE);
  await page
    .getByTestId('course-assignments')
    .getByTestId('assignment-enrolled')
    .filter({ hasText: String(reached) })
    .waitFor();
  await shot('training-06-assigned');
  await page.getByTestId('course-tab-enrollments').click();
  await page.getByTestId('course-enrollments').getByTestId('enrollmentStatus-ASSIGNED').first().waitFor();
  expect(await page.getByTestId('course-enrollments').locator('.ant-table-row').count()).toBe(reached);

  // The dashboard, narrowed to this course, by distributor: 杭州康达's row counts everyone reached.
  await openTraining(page, 'completion', `?by=DISTRIBUTOR&course=${courseId}`);
  expect(await completionOf(page, KD)).toEqual({ assigned: reached, completed: 0, overdue: 0 });
  await page.getByTestId('completion-bars').locator(`[data-label="${KD}"]`).waitFor();
  await shot('training-07-completion-by-distributor');
  // By province over every course: 浙江 is there with at least these people.
  await openTraining(page, 'completion');
  await page.getByTestId('completion-bars').locator('[data-label="浙江省"]').waitFor();
  await shot('training-08-completion-by-province');

  // 黄志明 is at 广州粤康, outside 浙江/江苏: the trainer does not see him at all.
  expect(await readinessOf(page, '黄志明')).toBeNull();
  await shot('training-09-readiness-trainer');

  // The list by state: the course is among the published ones, not the drafts.
  await openTraining(page, 'courses', `?state=PUBLISHED&q=${encodeURIComponent(title)}`);
  await page.getByTestId('course-list').getByTestId('course-link').filter({ hasText: title }).waitFor();
  await openTraining(page, 'courses', `?state=DRAFT&q=${encodeURIComponent(title)}`);
  await page.getByTestId('course-list').getByTestId('empty').waitFor();
  // The CL-1000 analyser needs a certificate to order: the trainer sees it switched on (and may switch it).
  await page.goto(url('console', '/products?q=HK-CL-1000'));
  const analyser = page.locator('.ant-table-row', { hasText: 'HK-CL-1000' });
  expect(await analyser.getByTestId('product-certification').getAttribute('aria-checked')).toBe('true');
});

test('trainer: the seeded CL-1000 course shows each question with its own options and right answers (options a/b/c in every question)', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/training/courses'));
  await login(page, 'trainer@huakang.demo');
  await page
    .getByTestId('course-list')
    .getByTestId('course-link')
    .filter({ hasText: 'CL-1000 化学发光分析仪' })
    .click();
  expect(await questionsOfOpenCourse(page)).toEqual([
    {
      prompt: 'CL-1000 采用哪种检测原理？',
      options: [
        { text: '直接化学发光', correct: true },
        { text: '免疫比浊', correct: false },
        { text: '胶体金', correct: false },
      ],
    },
    {
      prompt: '每日开机后必须完成哪些步骤？（多选）',
      options: [
        { text: '检查试剂与底物余量', correct: true },
        { text: '完成两个水平的质控', correct: true },
        { text: '重新校准全部项目', correct: false },
      ],
    },
    {
      prompt: '质控结果失控时应当：',
      options: [
        { text: '停止报告患者结果并查找原因', correct: true },
        { text: '继续检测，事后补做质控', correct: false },
      ],
    },
  ]);
  await s.shot('training-00-seeded-quiz');
});

test('admin: readiness shows 黄志明 (广州粤康) certified for 体外诊断试剂', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/training/readiness'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('readiness-table').locator('.ant-table-row').first().waitFor();
  const huang = await readinessOf(page, '黄志明');
  expect(huang).toEqual({ distributor: '广州粤康医疗科技有限公司', lines: ['体外诊断试剂'] });
  await s.shot('training-10-readiness-admin');
});

test('admin: the seeded course lists 黄志明 as certified; 下载证书 saves his certificate as a PDF', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/training/courses'));
  await login(page, 'admin@huakang.demo');
  await page.getByRole('link', { name: 'CL-1000 化学发光分析仪：操作、质控与临床应用' }).click();
  await page.getByTestId('course-tab-enrollments').click();
  const row = page.getByTestId('course-enrollments').locator('.ant-table-row[data-person="黄志明"]');
  await row.getByRole('button', { name: '下载证书' }).waitFor();
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/files/certificates/')),
    page.waitForEvent('download'),
    row.getByRole('button', { name: '下载证书' }).click(),
  ]);
  expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect(download.suggestedFilename()).toMatch(/^培训证书-CERT-\d{4}-SEED01\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await s.shot('training-11-certificate-download');
});
