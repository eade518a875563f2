import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { GqlClient } from '../../../test/harness';
import {
  CREATE_COURSE as CREATE,
  IVD,
  PUBLISH_COURSE as PUBLISH,
  t,
  trainer,
  withTrainingWorld,
} from './training.test-kit';

/** Course material files over plain HTTP, and a course's life as its editors and learners see it. */
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-course-files-'));
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF')]);

withTrainingWorld({ filesDir });
afterAll(() => fs.rmSync(filesDir, { recursive: true, force: true }));

const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const upload = (c: GqlClient, courseId: string, body: Buffer, name = '操作手册.pdf') =>
  fetch(`${t.url}/files/courses/${courseId}/files`, {
    method: 'PUT',
    headers: { ...headers(c), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    body,
  });
const download = (c: GqlClient, id: string) => fetch(`${t.url}/files/course-files/${id}`, { headers: headers(c) });

const content = (fileId: string | null) => ({
  kind: 'PRODUCT',
  title: `资料课程 ${randomUUID().slice(0, 6)}`,
  summary: '',
  productLineIds: [IVD],
  passScore: 100,
  maxAttempts: 1,
  validityMonths: 12,
  sections: [
    {
      id: 's1',
      title: '讲义',
      materials: fileId ? [{ kind: 'FILE', title: '手册', fileId }] : [{ kind: 'TEXT', title: '正文', body: '内容' }],
    },
  ],
  questions: [
    {
      id: 'q1',
      kind: 'SINGLE',
      prompt: '?',
      options: [
        { id: 'a', text: '对', correct: true },
        { id: 'b', text: '错', correct: false },
      ],
    },
  ],
});
const SAVE = `mutation($id: ID!, $v: Int!, $i: CourseContentInput!) { saveCourseDraft(id: $id, expectedVersion: $v, input: $i) { id version draftVersion } }`;

test('a trainer uploads a PDF to a course and uses it as a material; learners read it once the course is published', async () => {
  const rep = await t.as('sun.rep@kangda.demo');
  const c = (await trainer.request(CREATE, { i: content(null) })).data.createCourse;
  const res = await upload(trainer, c.id, PDF);
  expect(res.status).toBe(200);
  const file = (await res.json()) as { id: string; fileName: string; fileSize: number };
  expect(file).toMatchObject({ fileName: '操作手册.pdf', fileSize: PDF.length });

  // a file of another course cannot be used
  const other = (await trainer.request(CREATE, { i: content(null) })).data.createCourse;
  const misplaced = await trainer.request(SAVE, { id: other.id, v: other.version, i: content(file.id) });
  expect(misplaced.errors[0].extensions?.field).toBe('sections.0.materials.0');

  const saved = (await trainer.request(SAVE, { id: c.id, v: c.version, i: content(file.id) })).data.saveCourseDraft;
  expect((await download(rep, file.id)).status).toBe(404); // not published yet
  await trainer.request(PUBLISH, { id: c.id, v: saved.version });
  const read = await download(rep, file.id);
  expect(read.status).toBe(200);
  expect(read.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await read.arrayBuffer()).equals(PDF)).toBe(true);
  const shown = await rep.request(
    `query($id: ID!) { course(id: $id) { published { sections { materials { kind file { id fileName } } } } } }`,
    { id: c.id },
  );
  expect(shown.data.course.published.sections[0].materials).toEqual([
    { kind: 'FILE', file: { id: file.id, fileName: '操作手册.pdf' } },
  ]);

  // the other brand sees nothing; a rep cannot upload; only PDFs and images are taken
  const foreign = await t.as('admin@ruiguang.demo');
  expect((await download(foreign, file.id)).status).toBe(404);
  expect((await upload(rep, c.id, PDF)).status).toBe(403);
  const exe = await upload(trainer, c.id, Buffer.from('MZ\x90\x00 not a document'));
  expect(exe.status).toBe(415);
});

test('a learner out of attempts starts over on the next published version', async () => {
  const rep = await t.as('wang.rep@kangda.demo');
  const c = (await trainer.request(CREATE, { i: content(null) })).data.createCourse;
  const v1 = (await trainer.request(PUBLISH, { id: c.id, v: c.version })).data.publishCourse;
  const e = (await rep.request(`mutation($c: ID!) { startCourse(courseId: $c) { id } }`, { c: c.id })).data.startCourse;
  await rep.request(`mutation($e: ID!) { completeCourseSection(enrollmentId: $e, sectionId: "s1") { id } }`, {
    e: e.id,
  });
  const QUIZ = `mutation($i: SubmitQuizInput!) { submitQuiz(input: $i) { attempt { passed } enrollment { status attemptsLeft courseVersion { version } } } }`;
  const wrong = await rep.request(QUIZ, {
    i: { enrollmentId: e.id, answers: [{ questionId: 'q1', optionIds: ['b'] }], idempotencyKey: randomUUID() },
  });
  expect(wrong.data.submitQuiz.enrollment).toEqual({
    status: 'FAILED',
    attemptsLeft: 0,
    courseVersion: { version: 1 },
  });

  const draft = (await trainer.request(SAVE, { id: c.id, v: v1.version, i: content(null) })).data.saveCourseDraft;
  await trainer.request(PUBLISH, { id: c.id, v: draft.version });
  const resumed = await rep.request(
    `mutation($c: ID!) { startCourse(courseId: $c) { status attempts attemptsLeft sectionsDone courseVersion { version } } }`,
    { c: c.id },
  );
  expect(resumed.data.startCourse).toEqual({
    status: 'IN_PROGRESS',
    attempts: 0,
    attemptsLeft: 1,
    sectionsDone: [],
    courseVersion: { version: 2 },
  });

  const LIST = `query($s: CourseListStatus) { courses(first: 100, filter: { status: $s, search: "资料课程" }) { nodes { id } } }`;
  const published = await trainer.request(LIST, { s: 'PUBLISHED' });
  expect(published.data.courses.nodes.map((n: { id: string }) => n.id)).toContain(c.id);
  const drafts = await trainer.request(LIST, { s: 'DRAFT' });
  expect(drafts.data.courses.nodes.map((n: { id: string }) => n.id)).not.toContain(c.id);
});
