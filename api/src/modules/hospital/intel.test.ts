import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { TestApp, codeOf, startTestApp } from '../../../test/harness';
import { createBrand, createCatalog } from '../../../test/factories';

// A brand of this test's own: the seeded users are the isolation matrix's personas, whose audit
// trail it compares while this file runs in parallel.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

test('intel on a hospital reaches the brand side and never a distributor, who may see the hospital itself', async () => {
  const brand = await createBrand(t.app.ds, 1);
  const cat = await createCatalog(t.app.ds, brand);
  await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 1, CURRENT_DATE + 30)`,
    [brand.brandId, brand.distributorIds[0], [cat.lineId], [cat.hospitalInCity]],
  );
  const secret = `内部情报 ${Date.now()}`;
  const admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  const added = await admin.request(
    `mutation($h: ID!, $b: String!) { addHospitalNote(hospitalId: $h, body: $b) { id } }`,
    { h: cat.hospitalInCity, b: secret },
  );
  expect(added.errors).toEqual([]);
  await admin.request(
    `mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "杭州竞品医疗", products: "彩超") { id } }`,
    { h: cat.hospitalInCity },
  );
  const brandView = await admin.request(
    `query($h: ID!) { hospital(id: $h) { notes { body } reportedServing { distributorName } servingDistributors { name } } }`,
    { h: cat.hospitalInCity },
  );
  expect(brandView.data.hospital.notes.map((n: { body: string }) => n.body)).toContain(secret);
  expect(brandView.data.hospital.reportedServing).toContainEqual({ distributorName: '杭州竞品医疗' });
  expect(brandView.data.hospital.servingDistributors).toContainEqual({ name: '测试经销商 000' });

  // the owner's distributor serves this hospital, so they see it, but not the brand's notes
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const seen = await owner.request(`query($h: ID!) { hospital(id: $h) { name } }`, { h: cat.hospitalInCity });
  expect(seen.data.hospital.name).toBe('测试市医院');
  for (const field of ['notes { body }', 'reportedServing { distributorName }', 'contacts { name }']) {
    const r = await owner.request(`query($h: ID!) { hospital(id: $h) { name ${field} } }`, { h: cat.hospitalInCity });
    expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
    expect(r.text).not.toContain(secret);
    expect(r.text).not.toContain('杭州竞品医疗');
  }
});
