import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/** Hospitals as master data: created once per request key, edited at a version, and a decision chain with history. */
let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
  other = await createBrand(t.app.ds, 1);
  cat = await createCatalog(t.app.ds, brand);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const CREATE = `mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id name version departments { id name yearlyVolume volumeKind version } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateHospitalInput!) { updateHospital(id: $id, input: $i) { id name grade beds address version region { id } } }`;
const ADD_DEPT = `mutation($h: ID!, $i: DepartmentInput!) { addHospitalDepartment(hospitalId: $h, input: $i) { departments { id name yearlyVolume version } } }`;
const UPDATE_DEPT = `mutation($id: ID!, $i: DepartmentInput!, $v: Int!) { updateHospitalDepartment(id: $id, input: $i, expectedVersion: $v) { departments { id name yearlyVolume version } } }`;
const ADD_CONTACT = `mutation($h: ID!, $i: ContactInput!) { addHospitalContact(hospitalId: $h, input: $i) { contacts { id name version relation } } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $i: UpdateContactInput!) { updateHospitalContact(id: $id, input: $i) { id title relation version } }`;
const RETIRE = `mutation($id: ID!, $i: RetireContactInput!) { retireHospitalContact(id: $id, input: $i) { id retiredOn version } }`;
const CHAIN = `query($id: ID!) { hospital(id: $id) { contacts { id name retiredOn history { kind title decisionRole relation retiredOn note } } } }`;

const count = async (sql: string, params: unknown[]) => (await t.app.ds.query(sql, params))[0].n as number;
const hospitalsOf = (brandId: string) =>
  count(`SELECT count(*)::int AS n FROM hospital WHERE brand_id = $1`, [brandId]);

const newHospital = (over: Record<string, unknown> = {}) => ({
  name: `主数据医院 ${randomUUID().slice(0, 6)}`,
  grade: 'GRADE_3A',
  beds: 1200,
  regionId: cat.cityId,
  address: '测试市中山路 1 号',
  departments: [{ name: '心内科', yearlyVolume: 2400, volumeKind: 'SURGERY' }],
  ...over,
});

test('a create is answered once per request key: a retry gives the same hospital, other contents are refused', async () => {
  const key = randomUUID();
  const input = newHospital({ idempotencyKey: key });
  const first = await admin.request(CREATE, { i: input });
  expect(first.errors).toEqual([]);
  const before = await hospitalsOf(brand.brandId);
  const again = await admin.request(CREATE, { i: input });
  expect(again.data.createHospital.id).toBe(first.data.createHospital.id);
  const reused = await admin.request(CREATE, { i: { ...input, beds: 10 } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await hospitalsOf(brand.brandId)).toBe(before);
  expect(first.data.createHospital.departments).toMatchObject([
    { name: '心内科', yearlyVolume: 2400, volumeKind: 'SURGERY' },
  ]);
});

test('bad input is refused with its code and field, and writes nothing', async () => {
  const before = await hospitalsOf(brand.brandId);
  const twice = await admin.request(CREATE, {
    i: newHospital({ departments: [{ name: '检验科' }, { name: '检验科' }] }),
  });
  expect(codeOf(twice)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(twice.errors[0].extensions?.field).toBe('departments.1.name');
  const negative = await admin.request(CREATE, { i: newHospital({ beds: -1 }) });
  expect(codeOf(negative)).toBe(ErrorCode.BAD_USER_INPUT);
  const foreignRegion = await admin.request(CREATE, {
    i: newHospital({
      regionId: (await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 LIMIT 1`, [other.brandId]))[0].id,
    }),
  });
  expect(codeOf(foreignRegion)).toBe(ErrorCode.NOT_FOUND);
  expect(await hospitalsOf(brand.brandId)).toBe(before);
});

test('the profile is edited at the version seen; a stale one changes nothing', async () => {
  const h = (await admin.request(CREATE, { i: newHospital() })).data.createHospital;
  const edit = { name: h.name, grade: 'GRADE_2A', beds: 800, regionId: cat.provinceId, address: '新址' };
  const r = await admin.request(UPDATE, { id: h.id, i: { ...edit, expectedVersion: h.version } });
  expect(r.errors).toEqual([]);
  expect(r.data.updateHospital).toMatchObject({
    grade: 'GRADE_2A',
    beds: 800,
    address: '新址',
    region: { id: cat.provinceId },
  });
  const stale = await admin.request(UPDATE, { id: h.id, i: { ...edit, beds: 1, expectedVersion: h.version } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  const clash = await admin.request(UPDATE, {
    id: h.id,
    i: {
      ...edit,
      name: (await t.app.ds.query(`SELECT name FROM hospital WHERE id = $1`, [cat.hospitalInCity]))[0].name,
      expectedVersion: r.data.updateHospital.version,
    },
  });
  expect(codeOf(clash)).toBe(ErrorCode.CONFLICT);
  const [row] = await t.app.ds.query(`SELECT beds FROM hospital WHERE id = $1`, [h.id]);
  expect(row.beds).toBe(800);
});

test('departments are added and their yearly volume updated; a name is used once per hospital', async () => {
  const h = (await admin.request(CREATE, { i: newHospital() })).data.createHospital;
  const added = await admin.request(ADD_DEPT, {
    h: h.id,
    i: { name: '检验科', yearlyVolume: 90000, volumeKind: 'TEST' },
  });
  const lab = added.data.addHospitalDepartment.departments.find((d: { name: string }) => d.name === '检验科');
  const twice = await admin.request(ADD_DEPT, { h: h.id, i: { name: '检验科' } });
  expect(codeOf(twice)).toBe(ErrorCode.CONFLICT);
  const updated = await admin.request(UPDATE_DEPT, {
    id: lab.id,
    v: lab.version,
    i: { name: '检验科', yearlyVolume: 120000, volumeKind: 'TEST' },
  });
  expect(updated.data.updateHospitalDepartment.departments).toContainEqual({
    ...lab,
    yearlyVolume: 120000,
    version: lab.version + 1,
  });
  const stale = await admin.request(UPDATE_DEPT, {
    id: lab.id,
    v: lab.version,
    i: { name: '检验科', yearlyVolume: 1 },
  });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
});

test('the decision chain keeps every change as a fact, and one who left stays with their history', async () => {
  const h = (await admin.request(CREATE, { i: newHospital() })).data.createHospital;
  const added = await admin.request(ADD_CONTACT, {
    h: h.id,
    i: { name: '王建国', title: '设备科科长', decisionRole: 'EQUIPMENT_HEAD', relation: 'NEUTRAL' },
  });
  const [c] = added.data.addHospitalContact.contacts;
  const changed = await admin.request(UPDATE_CONTACT, {
    id: c.id,
    i: {
      name: '王建国',
      title: '副院长',
      decisionRole: 'EQUIPMENT_HEAD',
      relation: 'SUPPORTER',
      note: '升任副院长',
      expectedVersion: c.version,
    },
  });
  expect(changed.data.updateHospitalContact).toMatchObject({ title: '副院长', relation: 'SUPPORTER' });
  const stale = await admin.request(RETIRE, { id: c.id, i: { on: today(), expectedVersion: c.version } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  const future = await admin.request(RETIRE, {
    id: c.id,
    i: { on: addDays(today(), 1), expectedVersion: changed.data.updateHospitalContact.version },
  });
  expect(codeOf(future)).toBe(ErrorCode.BAD_USER_INPUT);
  const retired = await admin.request(RETIRE, {
    id: c.id,
    i: { on: today(), note: '调往省人民医院', expectedVersion: changed.data.updateHospitalContact.version },
  });
  expect(retired.data.retireHospitalContact.retiredOn).toBe(today());
  const after = await admin.request(UPDATE_CONTACT, {
    id: c.id,
    i: { name: '王建国', decisionRole: 'OTHER', expectedVersion: retired.data.retireHospitalContact.version },
  });
  expect(reasonOf(after)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const chain = await admin.request(CHAIN, { id: h.id });
  expect(chain.data.hospital.contacts[0].history).toEqual([
    {
      kind: 'ADDED',
      title: '设备科科长',
      decisionRole: 'EQUIPMENT_HEAD',
      relation: 'NEUTRAL',
      retiredOn: null,
      note: null,
    },
    {
      kind: 'CHANGED',
      title: '副院长',
      decisionRole: 'EQUIPMENT_HEAD',
      relation: 'SUPPORTER',
      retiredOn: null,
      note: '升任副院长',
    },
    {
      kind: 'RETIRED',
      title: '副院长',
      decisionRole: 'EQUIPMENT_HEAD',
      relation: 'SUPPORTER',
      retiredOn: today(),
      note: '调往省人民医院',
    },
  ]);
  // the history is appended only
  await expect(
    t.app.ds.query(`UPDATE hospital_contact_fact SET note = 'x' WHERE contact_id = $1`, [c.id]),
  ).rejects.toThrow();
});

test('a partner may not edit, and another brand’s records answer NOT_FOUND and stay unchanged', async () => {
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  expect(codeOf(await owner.request(CREATE, { i: newHospital() }))).toBe(ErrorCode.FORBIDDEN);
  const outsider = t.client(Audience.CONSOLE);
  await outsider.login(other.adminEmail);
  const [contact] = (
    await admin.request(ADD_CONTACT, { h: cat.hospitalInCity, i: { name: '李娜', decisionRole: 'PURCHASING' } })
  ).data.addHospitalContact.contacts;
  expect(codeOf(await outsider.request(ADD_DEPT, { h: cat.hospitalInCity, i: { name: '越界科' } }))).toBe(
    ErrorCode.NOT_FOUND,
  );
  expect(
    codeOf(
      await outsider.request(UPDATE_CONTACT, {
        id: contact.id,
        i: { name: 'x', decisionRole: 'OTHER', expectedVersion: contact.version },
      }),
    ),
  ).toBe(ErrorCode.NOT_FOUND);
  expect(
    codeOf(await outsider.request(RETIRE, { id: contact.id, i: { on: today(), expectedVersion: contact.version } })),
  ).toBe(ErrorCode.NOT_FOUND);
  const [row] = await t.app.ds.query(`SELECT name, retired_on FROM hospital_contact WHERE id = $1`, [contact.id]);
  expect(row).toEqual({ name: '李娜', retired_on: null });
});

test('the hospital shows the grants covering it that have not ended: naming it, or its city or province', async () => {
  const insert = (hospitals: string[], regions: string[], from: string, to: string) =>
    t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6, $7) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], [cat.lineId], hospitals, regions, from, to],
    );
  const [named] = await insert([cat.hospitalInCity], [], addDays(today(), -5), addDays(today(), 30));
  const [province] = await insert([], [cat.provinceId], addDays(today(), 10), addDays(today(), 40));
  const [ended] = await insert([cat.hospitalInCity], [], addDays(today(), -30), addDays(today(), -1));
  const [elsewhere] = await insert([cat.hospitalInProvince], [], addDays(today(), -5), addDays(today(), 30));
  const r = await admin.request(`query($id: ID!) { hospital(id: $id) { authorizations { id status } } }`, {
    id: cat.hospitalInCity,
  });
  const ids = r.data.hospital.authorizations.map((a: { id: string }) => a.id);
  expect(ids).toEqual(expect.arrayContaining([named.id, province.id]));
  expect(ids).not.toContain(ended.id);
  expect(ids).not.toContain(elsewhere.id);
  expect(r.data.hospital.authorizations.find((a: { id: string }) => a.id === province.id).status).toBe('SCHEDULED');
});
