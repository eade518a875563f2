import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason, OrderKind } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { createBrand, createCatalog } from '../../../test/factories';
import { userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import { SEED_CL_TITLE, SEED_COURSE_CL } from '../../db/seed/training-data';
import { addMonths, today } from '../../common/dates';
import {
  CL_1000,
  CONTENT,
  IMG,
  IVD,
  PLACE,
  REVIEW,
  publishedCourse,
  stockOrder,
  submit,
  t,
  takeOneSectionCourse,
  takeSections,
  trainer,
  withTrainingWorld,
} from './training.test-kit';

/** The certification gate in ordering: a gated product needs a person certified for its line. */
withTrainingWorld();

describe('the certification gate', () => {
  it('refuses a gated product to an uncertified rep, naming the course; passing the course opens it', async () => {
    const sun = await t.as('sun.rep@kangda.demo');
    const catalog = await sun.request(
      `{ catalog(search: "HK-CL-1000") { nodes { product { code } certification { courseId courseTitle } } } }`,
    );
    expect(catalog.data.catalog.nodes).toEqual([
      { product: { code: 'HK-CL-1000' }, certification: { courseId: SEED_COURSE_CL, courseTitle: SEED_CL_TITLE } },
    ]);
    const review = await sun.request(REVIEW, { i: stockOrder() });
    expect(review.data.reviewOrder.allowed).toBe(false);
    expect(review.data.reviewOrder.lines[0].certification).toEqual({
      productLineId: IVD,
      courseId: SEED_COURSE_CL,
      courseTitle: SEED_CL_TITLE,
    });
    expect(review.data.reviewOrder.lines[0].findings).toEqual([]);

    const refused = await sun.request(PLACE, { i: { ...stockOrder(), idempotencyKey: randomUUID() } });
    expect(codeOf(refused)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(refused)).toBe(ErrorReason.CERTIFICATION_REQUIRED);
    expect(refused.errors[0].message).toContain(SEED_CL_TITLE);
    expect((refused.errors[0].extensions as { lines: unknown }).lines).toEqual([
      { lineNo: 1, productId: CL_1000.id, productLineId: IVD, course: { id: SEED_COURSE_CL, title: SEED_CL_TITLE } },
    ]);
    const [{ n: placed }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE placed_by = $1`, [
      userByEmail('sun.rep@kangda.demo').id,
    ]);
    expect(placed).toBe(0);

    const enrollmentId = await takeSections(sun);
    const passed = await submit(sun, enrollmentId);
    expect(passed.errors).toEqual([]);
    expect(passed.data.submitQuiz.attempt).toMatchObject({ attemptNo: 1, score: 100, passed: true });
    expect(passed.data.submitQuiz.certificate).toMatchObject({
      issuedOn: today(),
      validTo: addMonths(today(), 12),
      valid: true,
    });

    // (placing it is shown on a brand of the test's own below: an order here would show in the
    // isolation matrix's order lists, which run in parallel on the same seed)
    const afterReview = await sun.request(REVIEW, { i: stockOrder() });
    expect(afterReview.data.reviewOrder.lines[0].certification).toBeNull();
    expect(afterReview.data.reviewOrder.allowed).toBe(true);
  });

  it('places the gated product once the person passes a course for its line (a brand of the test’s own)', async () => {
    const brand = await createBrand(t.app.ds, 1);
    const cat = await createCatalog(t.app.ds, brand);
    const d = brand.distributorIds[0];
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [d]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.cityId]],
    );
    const admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
    const owner = t.client(Audience.PORTAL);
    await owner.login(brand.ownerEmail);
    const gated = await admin.request(
      `mutation($p: ID!) { setProductCertification(productId: $p, required: true) { requiresCertification } }`,
      { p: cat.productII },
    );
    expect(gated.data.setProductCertification.requiresCertification).toBe(true);
    const order = (key = randomUUID()) => ({
      i: { kind: OrderKind.STOCK, lines: [{ productId: cat.productII, quantity: 2 }], idempotencyKey: key },
    });

    // no course certifies for the line yet: the refusal says so
    const none = await owner.request(PLACE, order());
    expect(reasonOf(none)).toBe(ErrorReason.CERTIFICATION_REQUIRED);
    expect((none.errors[0].extensions as { lines: Array<{ course: unknown }> }).lines[0].course).toBeNull();

    const content = CONTENT('门店培训', {
      summary: '',
      productLineIds: [cat.lineId],
      passScore: 100,
      maxAttempts: 3,
      validityMonths: 12,
    });
    const courseId = await publishedCourse(admin, content);
    const named = await owner.request(PLACE, order());
    expect((named.errors[0].extensions as { lines: Array<{ course: unknown }> }).lines[0].course).toEqual({
      id: courseId,
      title: '门店培训',
    });

    expect((await takeOneSectionCourse(owner, courseId)).data.submitQuiz.attempt.passed).toBe(true);
    const placed = await owner.request(PLACE, order());
    expect(placed.errors).toEqual([]);
    expect(placed.data.placeOrder.status).toBe('SUBMITTED');
  });

  it('is not asked of products that do not need it, and a certificate of another line does not open it', async () => {
    const wang = await t.as('wang.rep@kangda.demo');
    const crp = PRODUCTS.find((p) => p.code === 'HK-CRP-50')!;
    const review = await wang.request(REVIEW, { i: stockOrder(crp.id) });
    expect(review.data.reviewOrder.lines[0].certification).toBeNull();
    // a certificate for 超声影像 only, earned through a course of that line
    const content = CONTENT('超声影像入门', {
      summary: '',
      productLineIds: [IMG],
      passScore: 100,
      maxAttempts: 1,
      validityMonths: 12,
    });
    const passed = await takeOneSectionCourse(wang, await publishedCourse(trainer, content));
    expect(passed.data.submitQuiz.certificate.valid).toBe(true);
    const gated = await wang.request(REVIEW, { i: stockOrder() });
    expect(gated.data.reviewOrder.lines[0].certification.productLineId).toBe(IVD);
  });
});
