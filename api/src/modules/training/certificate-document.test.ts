import { randomUUID } from 'node:crypto';
import type { GqlClient } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { SEED_CERTIFICATE } from '../../db/seed/training-data';
import { certificateSubject, verificationCode } from '../../common/verification-code';
import { CONTENT, publishedCourse, t, takeOneSectionCourse, trainer, withTrainingWorld } from './training.test-kit';

/** A certificate as a PDF for those who may see it, and its public check by number and verification code. */
withTrainingWorld();

const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const download = (c: GqlClient | null, id: string) =>
  fetch(`${t.url}/files/certificates/${id}.pdf`, c ? { headers: headers(c) } : {});
const verify = (number: string, code: string) =>
  fetch(`${t.url}/files/verify/certificates?${new URLSearchParams({ number, code })}`);

const CERT = `query($c: ID!) { enrollments(filter: { mine: true, courseId: $c }) { nodes { certificate { id number issuedOn validTo } } } }`;
interface Cert {
  id: string;
  number: string;
  issuedOn: string;
  validTo: string;
}

let wang: GqlClient;
let earned: Cert;
let title: string;

/** The printed text, as one string, and the code it prints. */
async function printed(res: Response): Promise<{ text: string; code: string }> {
  const text = pdfText(Buffer.from(await res.arrayBuffer())).join('\n');
  const code = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(text)?.[0] ?? '';
  return { text, code };
}

beforeAll(async () => {
  wang = await t.as('wang.rep@kangda.demo');
  title = `证书课程 ${randomUUID().slice(0, 6)}`;
  const courseId = await publishedCourse(trainer, CONTENT(title));
  const passed = await takeOneSectionCourse(wang, courseId);
  expect(passed.errors).toEqual([]);
  earned = (await wang.request(CERT, { c: courseId })).data.enrollments.nodes[0].certificate;
});

test('the holder downloads a one-page PDF naming him, his company, the course, its lines, number, validity and code', async () => {
  const res = await download(wang, earned.id);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(`${earned.number}-王浩.pdf`);
  const bytes = Buffer.from(await res.clone().arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  const { text, code } = await printed(res);
  for (const words of [
    '培训合格证书',
    '王浩',
    '杭州康达',
    title,
    '第 1 版',
    '体外诊断试剂',
    earned.number,
    earned.validTo,
  ])
    expect(text).toContain(words);
  expect(text).toContain(earned.issuedOn);
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  expect(text).toContain(`/files/verify/certificates?number=${encodeURIComponent(earned.number)}&code=${code}`);
  // the code is the certificate's: the same on every download, and made with the server's secret
  expect((await printed(await download(wang, earned.id))).code).toBe(code);
  expect(code).toBe(verificationCode(t.app.config.certificateSecret, certificateSubject(earned)));
});

test('his owner and the brand read it; another rep, another distributor, another brand and a stranger do not', async () => {
  for (const email of ['boss@kangda.demo', 'trainer@huakang.demo', 'admin@huakang.demo'])
    expect([email, (await download(await t.as(email), earned.id)).status]).toEqual([email, 200]);
  const missing = await download(wang, randomUUID());
  expect(missing.status).toBe(404);
  const missingBody = await missing.json();
  for (const email of ['li.rep@kangda.demo', 'boss@huaning.demo', 'admin@ruiguang.demo']) {
    const res = await download(await t.as(email), earned.id);
    expect([email, res.status, await res.json()]).toEqual([email, 404, missingBody]);
  }
  expect((await download(wang, 'not-an-id')).status).toBe(404);
  expect((await download(null, earned.id)).status).toBe(401);
});

test('anyone checks a certificate by number and code; a wrong code and an unknown number answer the same 404', async () => {
  const { code } = await printed(await download(wang, earned.id));
  const ok = await verify(earned.number, code);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({
    valid: true,
    status: 'VALID',
    number: earned.number,
    holder: '王*',
    company: '杭州康达医疗器械有限公司',
    course: title,
    productLines: ['体外诊断试剂'],
    issuedOn: earned.issuedOn,
    validTo: earned.validTo,
  });
  // typed loosely from paper: lower case, no dash
  expect((await verify(earned.number.toLowerCase(), code.replace('-', ' ').toLowerCase())).status).toBe(200);

  // another certificate's code differs, and does not open this one
  const yk = await t.as('boss@yuekang.demo');
  const other = await printed(await download(yk, SEED_CERTIFICATE.id));
  expect(other.code).not.toBe(code);
  const wrong = await verify(earned.number, other.code);
  expect(wrong.status).toBe(404);
  const wrongBody = (await wrong.json()) as { error: { code: string } };
  expect(wrongBody.error.code).toBe('NOT_FOUND');
  const unknown = await verify('CERT-1999-000000', code);
  expect([unknown.status, await unknown.json()]).toEqual([404, wrongBody]);
  expect([(await verify('', '')).status, (await verify(earned.number, '')).status]).toEqual([404, 404]);
});

test('failed checks from one address are throttled: past the limit even the right code waits (429)', async () => {
  const { code } = await printed(await download(wang, earned.id));
  let status = 404;
  for (let i = 0; i < 30 && status === 404; i++) status = (await verify(earned.number, 'AAAAA-AAAAA')).status;
  expect(status).toBe(429);
  const refused = await verify(earned.number, code);
  expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
    429,
    'RATE_LIMITED',
  ]);
});
