import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { SEED_CO_VISITS, SEED_VISIT_NOTES } from '../../db/seed/visit-data';

/**
 * What a distributor's people read of the brand's intelligence. Hospital
 * contacts reach them through a co-visit or a shared note by name and title only, and a grant
 * shows them its hospitals from its first day, not before.
 */
let t: TestApp;
let rep: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  rep = await t.as('li.rep@kangda.demo');
});
afterAll(() => t?.stop());

describe('contacts on a visit: name and title, never phone or decision role', () => {
  // the seeded demonstration at 浙一's ultrasound department, with its head (陈晓燕) and li.rep on it
  const visit = SEED_CO_VISITS[0];
  const note = SEED_VISIT_NOTES.find((n) => n.coVisitId === visit.id)!;

  test('a partner participant reads who they will meet', async () => {
    const r = await rep.request(`query($id: ID!) { coVisit(id: $id) { contacts { name title } } }`, { id: visit.id });
    expect(r.errors).toEqual([]);
    expect(r.data.coVisit.contacts).toEqual([{ name: '陈晓燕', title: '超声医学科主任' }]);
  });

  test.each([
    ['coVisit', 'phone', visit.id],
    ['coVisit', 'decisionRole', visit.id],
    ['visitNote', 'phone', note.id],
    ['visitNote', 'decisionRole', note.id],
  ])('%s.contacts.%s cannot be asked for', async (root, field, id) => {
    const r = await rep.request(`query($id: ID!) { ${root}(id: $id) { contacts { name ${field} } } }`, { id });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.data ?? null).toBeNull();
  });
});

describe('a grant shows its hospitals to the partner from validFrom on', () => {
  let brand: BrandFixture;
  let cat: CatalogFixture;
  let owner: GqlClient;
  const HOSPITAL = `query($id: ID!) { hospital(id: $id) { id } }`;
  const LIST = `{ hospitals(first: 50) { nodes { id } } }`;

  beforeAll(async () => {
    brand = await createBrand(t.app.ds, 1);
    cat = await createCatalog(t.app.ds, brand);
    owner = t.client(Audience.PORTAL);
    await owner.login(brand.ownerEmail);
  });

  const grant = (hospitalId: string, from: string, to: string) =>
    t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, exclusive, product_line_ids, product_ids, region_ids, hospital_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', false, $3, '{}', '{}', $4, $5, $6) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], [cat.lineId], [hospitalId], from, to],
    );
  const listed = async () =>
    ((await owner.request(LIST)).data.hospitals.nodes as Array<{ id: string }>).map((h) => h.id);

  test('starting tomorrow (China time): nothing yet, and the hospital answers NOT_FOUND', async () => {
    await grant(cat.hospitalInCity, addDays(today(), 1), addDays(today(), 60));
    expect(codeOf(await owner.request(HOSPITAL, { id: cat.hospitalInCity }))).toBe(ErrorCode.NOT_FOUND);
    expect(await listed()).not.toContain(cat.hospitalInCity);
  });

  test('starting today: the hospital is theirs to see', async () => {
    await grant(cat.hospitalInProvince, today(), addDays(today(), 60));
    expect((await owner.request(HOSPITAL, { id: cat.hospitalInProvince })).data.hospital).toEqual({
      id: cat.hospitalInProvince,
    });
    expect(await listed()).toEqual([cat.hospitalInProvince]);
  });
});
