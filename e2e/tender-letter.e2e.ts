import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { apiAs } from './support/api';
import { browsers, PHONE, DESKTOP, login, url } from './support/browser';
import { chinaDay } from './support/calendar';

// An authorization letter (授权书) for one tender. 李娜, 杭州康达's rep, has a tender of her own at
// 浙江大学医学院附属第一医院 (set up through the API: a fresh need and tender number each run). The
// brand's admin issues the letter from the tender in the console for the HK-200, which 康达's grant
// covers there; it shows as valid until the bid opening, and downloads as a PDF whose QR link,
// opened signed out on a phone, says the letter is valid and names the tender, hospital and project.
// 李娜 sees the same letter, valid, on her tender in the portal.
const HOSPITAL = '浙江大学医学院附属第一医院';
const PRODUCT = '彩色多普勒超声诊断仪 HK-200';
const REP = 'li.rep@kangda.demo';
const { open, signedIn } = browsers();

/** A day `days` after today on the business calendar (China). */
const day = (days: number) =>
  new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The address a letter's QR code (and printed link) opens, as a path on the portal under test. */
function verifyPathOf(pdf: Buffer): string {
  const link = /\/URI \(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1];
  if (!link) throw new Error('the letter carries no link');
  const parsed = new URL(link);
  expect(parsed.pathname).toBe('/verify/letter');
  return parsed.pathname + parsed.search;
}

/** 李娜's own opportunity at the hospital, on the ultrasound line, with an open tender opening bids on day +20. */
async function repTender(suffix: string): Promise<{ opportunityId: string; number: string }> {
  const rep = await apiAs('portal', REP);
  const { hospitals } = await rep<{
    hospitals: { nodes: Array<{ id: string; name: string; departments: Array<{ id: string; name: string }> }> };
  }>(`query($q: String) { hospitals(filter: { search: $q }) { nodes { id name departments { id name } } } }`, {
    q: HOSPITAL,
  });
  const hospital = hospitals.nodes.find((h) => h.name === HOSPITAL)!;
  const { productLines } = await rep<{ productLines: Array<{ id: string; name: string }> }>(
    `{ productLines { id name } }`,
  );
  const { createOpportunity } = await rep<{ createOpportunity: { id: string } }>(
    `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
    {
      i: {
        hospitalId: hospital.id,
        departmentId: hospital.departments.find((d) => d.name === '超声医学科')!.id,
        productLineId: productLines.find((l) => l.name === '超声影像')!.id,
        need: `授权书彩超 ${suffix}`,
        estimatedValue: '1200000',
        idempotencyKey: randomUUID(),
      },
    },
  );
  const number = `ZB-SQS-${suffix}`;
  await rep(`mutation($i: CreateTenderInput!) { createTender(input: $i) { id } }`, {
    i: {
      opportunityId: createOpportunity.id,
      number,
      purchaser: HOSPITAL,
      budget: '1500000',
      registrationDeadline: day(10),
      // 09:30 in China
      bidOpeningAt: `${day(20)}T01:30:00.000Z`,
      idempotencyKey: randomUUID(),
    },
  });
  return { opportunityId: createOpportunity.id, number };
}

test('the brand issues a letter for the rep’s tender; its QR link says valid and names the tender; the rep sees it', async () => {
  const suffix = randomUUID().slice(0, 6);
  const { opportunityId, number } = await repTender(suffix);
  const project = `彩超采购项目 ${suffix}`;

  // the admin issues it from the tender in the console
  const admin = await open(DESKTOP);
  await admin.page.goto(url('console', `/opportunities/${opportunityId}`));
  await admin.page.waitForURL((u) => u.pathname === '/login');
  await login(admin.page, 'admin@huakang.demo');
  const panel = admin.page.getByTestId(`tender-${number}`);
  await panel.getByText('还没有授权书').waitFor();
  await panel.getByRole('button', { name: '签发授权书' }).click();
  const form = admin.page.getByRole('dialog', { name: '签发授权书' });
  await form.getByLabel('项目名称').fill(project);
  await form.getByLabel(PRODUCT).check();
  await admin.shot('tender-letter-01-issue');
  await admin.page.getByTestId('letter-form-submit').click();
  await form.waitFor({ state: 'hidden' });
  const letters = panel.getByTestId('tender-letters');
  await letters.getByText(project).waitFor();
  await letters.getByText('有效', { exact: true }).waitFor();
  await letters.getByText(`授权产品：${PRODUCT}`).waitFor();
  // from today to the bid opening's day, as the page writes dates (2026/12/03)
  await letters.getByText(`${chinaDay().replace(/-/g, '/')} 至 ${day(20).replace(/-/g, '/')}`).waitFor();
  await letters.scrollIntoViewIfNeeded();
  await admin.shot('tender-letter-02-issued');

  const [download] = await Promise.all([
    admin.page.waitForEvent('download'),
    letters.getByRole('button', { name: '下载授权书' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('投标授权书.pdf');
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const path = verifyPathOf(pdf);

  // a hospital checks it, signed out, on a phone: valid, and for this tender
  const phone = await open(PHONE);
  await phone.page.goto(url('portal', path));
  await phone.page.getByText('授权书有效').waitFor();
  const tender = phone.page.getByTestId('letter-tender');
  for (const words of [number, HOSPITAL, project]) await tender.getByText(words).first().waitFor();
  await phone.shot('tender-letter-03-verify-phone');

  // 李娜 finds it on her tender in the portal
  const rep = await signedIn('portal', REP, `/opportunities/${opportunityId}`, PHONE);
  const section = rep.page.getByTestId('tender-section');
  await section.getByText(project).waitFor();
  await section.getByTestId('tender-letters').getByText('有效', { exact: true }).waitFor();
  await section.getByRole('button', { name: '下载授权书' }).waitFor();
  await rep.shot('tender-letter-04-portal');
});
