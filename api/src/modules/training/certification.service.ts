import { DataSource, EntityManager } from 'typeorm';
import { CourseKind } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { JsonTreeKit, jsonTreeKit } from '../../db/json-tree';
import { today } from '../../common/dates';
import { Page, PageArgs, SortKey, paginateTree } from '../../common/pagination';
import type { Product } from '../product';
import { Certificate } from './training.entity';
import { CertificateFilter } from './training.inputs';
import { CertificateNode, CertificatePageParts, certificatePageTree } from './certificate-page';

/** A product the person may not order yet, and the course that would certify them for it. */
export interface CertificationGap {
  productLineId: string;
  course: { id: string; title: string } | null;
}

/** The parameters certificationGate's SQL names: the person, their brand, today, the product course kind. */
export const gateParams = (brandId: string, userId: string) => ({
  gate_brand: brandId,
  gate_user: userId,
  gate_on: today(),
  gate_kind: CourseKind.PRODUCT,
});

/**
 * The certification gate as SQL over a product line expression (gaps here, the catalog's one-statement
 * page): `held`, whether the person holds a certificate valid today for the line; `course`, the
 * published product course to take as JSON {id, title} (null when the brand has published none),
 * one the person is already on (assigned or started) first, else the most recently changed.
 */
export const certificationGate = (line: string) => ({
  held: `EXISTS (SELECT 1 FROM certificate x WHERE x.brand_id = :gate_brand AND x.user_id = :gate_user
      AND ${line} = ANY(x.product_line_ids) AND x.issued_on <= :gate_on AND x.valid_to >= :gate_on)`,
  course: `(SELECT json_build_object('id', c.id, 'title', c.title) FROM course c
      WHERE c.brand_id = :gate_brand AND c.kind = :gate_kind AND ${line} = ANY(c.product_line_ids)
        AND c.published_version IS NOT NULL AND c.archived_at IS NULL
      ORDER BY EXISTS (SELECT 1 FROM training_enrollment te WHERE te.course_id = c.id AND te.user_id = :gate_user) DESC,
               c.updated_at DESC, c.id LIMIT 1)`,
});

/**
 * Enrollment.certificate: the id of the latest certificate (latest expiry, then lowest id) a person
 * holds from a course among those the viewer may see, as SQL over certificate `a` for the person and
 * course expressions, `inScope` the scope helper's condition. Its loader and the enrollments page
 * (enrollment-page.ts) choose it alike.
 */
export const latestCertificateId = (a: string, user: string, course: string, inScope: JsonTreeKit['inScope']) =>
  `(SELECT ${a}.id FROM certificate ${a} WHERE ${a}.user_id = ${user} AND ${a}.course_id = ${course}
      AND ${inScope('trainee', a)} ORDER BY ${a}.valid_to DESC, ${a}.id LIMIT 1)`;

/** The certificates list's order, newest number first (DESC on every key); its cursors' keys. */
export const CERTIFICATE_ORDER: SortKey<Certificate>[] = [
  { column: 'cert.number', value: (c) => c.number },
  { column: 'cert.id', value: (c) => c.id },
];

/** A person's certificates latest expiry first, over certificate `a`: their loader and the readiness page order them alike. */
export const heldOrder = (a: string): Record<string, 'ASC' | 'DESC'> => ({
  [`${a}.valid_to`]: 'DESC',
  [`${a}.id`]: 'ASC',
});

/** The key of latestCertificateId's loader: a person and a course. */
export const certificateKey = (userId: string, courseId: string) => `${userId}/${courseId}`;

/**
 * Certificates, and the certification gate: a product marked `requires_certification` may only be
 * ordered by a person holding a certificate valid today for the product's line.
 */
export class CertificationService {
  constructor(private readonly ds: DataSource) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Certificate).createQueryBuilder('cert'), scope, 'trainee');
  }

  /**
   * The certificates list, newest number first; each row with the `parts` the request asks of it,
   * in one statement (certificate-page.ts).
   */
  list(
    scope: Scope,
    page: PageArgs,
    filter: CertificateFilter | undefined,
    parts: CertificatePageParts,
  ): Promise<Page<CertificateNode>> {
    return paginateTree(
      this.listQuery(scope, filter ?? {}),
      page,
      CERTIFICATE_ORDER,
      'DESC',
      certificatePageTree(this.ds, scope, parts),
      (n) => n.certificate,
    );
  }

  /** The certificates list's rows before paging. */
  listQuery(scope: Scope, filter: CertificateFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.userId) qb.andWhere('cert.user_id = :userId', { userId: filter.userId });
    if (filter.distributorId)
      qb.andWhere('cert.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.productLineId) qb.andWhere(':line = ANY(cert.product_line_ids)', { line: filter.productLineId });
    if (filter.validOnly) qb.andWhere('cert.valid_to >= :on AND cert.issued_on <= :on', { on: today() });
    return qb;
  }

  /** Every certificate of the given people, latest expiry first. */
  byUserIds(scope: Scope, userIds: readonly string[]): Promise<Certificate[]> {
    return this.scoped(scope)
      .andWhere('cert.user_id = ANY(:userIds)', { userIds })
      .orderBy(heldOrder('cert'))
      .getMany();
  }

  /** For each key (certificateKey), the latest certificate the person holds from the course (latestCertificateId). */
  latestByUserCourse(scope: Scope, keys: readonly string[]): Promise<Certificate[]> {
    const pairs = keys.map((k) => k.split('/'));
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return this.scoped(scope)
      .andWhere(
        `cert.id IN (SELECT ${latestCertificateId('lc', 'k.u', 'k.c', inScope)} FROM unnest(:users::uuid[], :courses::uuid[]) AS k(u, c))`,
        { ...params, users: pairs.map(([u]) => u), courses: pairs.map(([, c]) => c) },
      )
      .getMany();
  }

  /**
   * The gate: for each product that needs a certified person and whose line this person holds no
   * valid certificate for, the line and the published product course to take (none when the brand
   * has not published one yet) — one the person is already on (assigned or started) first, else the
   * most recently changed. One query when any product is gated, none otherwise.
   */
  async gaps(
    em: EntityManager,
    brandId: string,
    userId: string,
    products: Pick<Product, 'id' | 'productLineId' | 'requiresCertification'>[],
  ): Promise<Map<string, CertificationGap>> {
    const gated = products.filter((p) => p.requiresCertification);
    if (!gated.length) return new Map();
    const lines = [...new Set(gated.map((p) => p.productLineId))];
    const gate = certificationGate('l.line');
    const [text, values] = em.connection.driver.escapeQueryWithParameters(
      `SELECT l.line, ${gate.held} AS held, ${gate.course} AS course FROM unnest(:lines::uuid[]) AS l(line)`,
      { ...gateParams(brandId, userId), lines },
    );
    const rows: Array<{ line: string; held: boolean; course: CertificationGap['course'] }> = await em.query(
      text,
      values,
    );
    const byLine = new Map(
      rows.filter((r) => !r.held).map((r) => [r.line, { productLineId: r.line, course: r.course }]),
    );
    return new Map(gated.filter((p) => byLine.has(p.productLineId)).map((p) => [p.id, byLine.get(p.productLineId)!]));
  }
}
