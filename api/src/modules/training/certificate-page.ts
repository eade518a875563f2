import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, JsonTreeKit, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { ProductLine } from '../product';
import { User } from '../user';
import { versionRow } from './course.service';
import { Certificate, Course, CourseVersion } from './training.entity';

/**
 * A page of certificates (the console's certificates list, a person's on the portal) with what each
 * row names (its product lines, the person, the distributor, the course and the version passed),
 * built with the page in one statement (paginateTree): each part only when the request's selection
 * under `nodes` asks for it, each record under the scope helper's own condition, so one the viewer
 * may not see comes back null, as from its loader. The request's loaders are primed with it, so the
 * field resolvers answer from memory.
 */
export interface CertificatePageParts {
  productLines: boolean;
  user: boolean;
  distributor: boolean;
  course: boolean;
  courseVersion: boolean;
}

export function certificatePageParts(nodes: Selection | undefined): CertificatePageParts {
  return {
    productLines: asks(nodes, 'productLines'),
    user: asks(nodes, 'user'),
    distributor: asks(nodes, 'distributor'),
    course: asks(nodes, 'course'),
    courseVersion: asks(nodes, 'courseVersion'),
  };
}

/**
 * The product lines among the ids of the array expression `ids`, over line `l`, as productLineById
 * reads them (the scope helper's `brand` condition): the pages that name a certificate's lines
 * (enrollments, certificates, readiness) read them by it and prime with primeProductLines.
 */
export const productLinesOf = (kit: Pick<JsonTreeKit, 'row' | 'list' | 'inScope'>, ids: string, l: string) =>
  kit.list(
    kit.row(ProductLine, l),
    `product_line ${l} WHERE ${l}.id = ANY(${ids}) AND ${kit.inScope('brand', l)}`,
    `${l}.id`,
  );

/** Primes productLineById for each id with the line productLinesOf found, or null (one the scope hid), as its loader answers. */
export function primeProductLines(loaders: Loaders, ids: readonly string[], lines: ProductLine[]): void {
  const found = new Map(lines.map((l) => [l.id, l]));
  for (const id of ids) loaders.productLineById.prime(id, found.get(id) ?? null);
}

export interface CertificateNode {
  certificate: Certificate;
  parts: CertificatePageParts;
  productLines: ProductLine[] | undefined;
  user: User | null;
  distributor: Distributor | null;
  course: Course | null;
  courseVersion: CourseVersion | null;
}

interface NodeJson {
  row: Json;
  productLines?: Json[];
  user?: Json | null;
  distributor?: Json | null;
  course?: Json | null;
  courseVersion?: Json | null;
}

/** The page's node over certificate `cert` (already in the viewer's scope), for paginateTree. */
export function certificatePageTree(
  ds: DataSource,
  scope: Scope,
  parts: CertificatePageParts,
): PageTree<CertificateNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, fields, one, entity } = kit;
  const node = fields([
    ['row', row(Certificate, 'cert')],
    parts.productLines && ['productLines', productLinesOf(kit, 'cert.product_line_ids', 'cl')],
    parts.user && ['user', one(User, 'app_user', 'cu', 'cert.user_id', 'user')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'cd', 'cert.distributor_id', 'distributor')],
    parts.course && ['course', one(Course, 'course', 'cc', 'cert.course_id', 'course')],
    parts.courseVersion && ['courseVersion', versionRow(scope, kit, 'cv', 'cert.course_version_id')],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        certificate: fromJsonRow(ds, Certificate, n.row),
        parts,
        productLines: n.productLines?.map((l) => fromJsonRow(ds, ProductLine, l)),
        user: entity(User, n.user),
        distributor: entity(Distributor, n.distributor),
        course: entity(Course, n.course),
        courseVersion: entity(CourseVersion, n.courseVersion),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the certificates. */
export function primeCertificatePage(loaders: Loaders, nodes: CertificateNode[]): Certificate[] {
  return nodes.map((n) => {
    const c = n.certificate;
    const { parts } = n;
    if (n.productLines) primeProductLines(loaders, c.productLineIds, n.productLines);
    if (parts.user) loaders.userById.prime(c.userId, n.user);
    if (parts.distributor) loaders.distributorById.prime(c.distributorId, n.distributor);
    if (parts.course) loaders.courseById.prime(c.courseId, n.course);
    if (parts.courseVersion) loaders.courseVersionById.prime(c.courseVersionId, n.courseVersion);
    return c;
  });
}
