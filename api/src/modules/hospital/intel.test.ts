import { ErrorCode } from '@medchannel/shared-schema';
import { TestApp, codeOf, startTestApp } from '../../../test/harness';
import { HOSPITALS } from '../../db/seed/catalog-data';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const hospital = HOSPITALS.find((h) => h.name === '杭州市第一人民医院')!;

test('intel on a hospital reaches the brand side and never a distributor, who may see the hospital itself', async () => {
  const secret = `内部情报 ${Date.now()}`;
  const cm = await t.as('zhang.cm@huakang.demo');
  const added = await cm.request(`mutation($h: ID!, $b: String!) { addHospitalNote(hospitalId: $h, body: $b) { id } }`, { h: hospital.id, b: secret });
  expect(added.errors).toEqual([]);
  await cm.request(`mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "杭州竞品医疗", products: "彩超") { id } }`, { h: hospital.id });
  const brandView = await cm.request(`query($h: ID!) { hospital(id: $h) { notes { body } reportedServing { distributorName } servingDistributors { name } } }`, { h: hospital.id });
  expect(brandView.data.hospital.notes.map((n: { body: string }) => n.body)).toContain(secret);
  expect(brandView.data.hospital.reportedServing).toContainEqual({ distributorName: '杭州竞品医疗' });
  expect(brandView.data.hospital.servingDistributors).toContainEqual({ name: '杭州康达医疗器械有限公司' });

  // Kangda serves this hospital, so its owner sees the hospital, but not the brand's notes
  const owner = await t.as('boss@kangda.demo');
  const seen = await owner.request(`query($h: ID!) { hospital(id: $h) { name } }`, { h: hospital.id });
  expect(seen.data.hospital.name).toBe(hospital.name);
  for (const field of ['notes { body }', 'reportedServing { distributorName }', 'contacts { name }']) {
    const r = await owner.request(`query($h: ID!) { hospital(id: $h) { name ${field} } }`, { h: hospital.id });
    expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
    expect(r.text).not.toContain(secret);
    expect(r.text).not.toContain('杭州竞品医疗');
  }
});
