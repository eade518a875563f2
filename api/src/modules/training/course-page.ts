import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, JsonTreeKit, jsonTreeKit, readOneTree } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { ProductLine } from '../product';
import { User } from '../user';
import { assignmentInScope, assignmentOrder } from './assignment.service';
import { primeProductLines, productLinesOf } from './certificate-page';
import { fileInScope, fileOrder, versionInScope, versionOrder, versionRow } from './course.service';
import { materialFilesOf, primeFound, primeVersionParts } from './version-tree';
import { ownEnrollment } from './enrollment-page';
import { certificateKey, latestCertificateId } from './certification.service';
import { Certificate, Course, CourseAssignment, CourseFile, CourseVersion, Enrollment } from './training.entity';

/**
 * A page of courses (the console's courses list, the portal's) or one course (course(id)) with what
 * each names (its product lines; its versions with their lines and material files, which `published`,
 * `draft` and `versions` read; its files; its assignments with their distributors, lines and author;
 * the viewer's own enrollment with the version it is on and its latest certificate), built in one statement (paginateTree, or
 * readCourseTree for one): each part only when the request's selection asks for it, each record
 * under the scope helper's own condition, so one the viewer may not see comes back null or left out,
 * as from its loader. The request's loaders are primed with it, so the field resolvers answer from memory.
 */
export interface CoursePageParts {
  productLines: boolean;
  /** the versions the viewer may see: asked by `published`, `draft` or `versions` */
  versions: boolean;
  versionLines: boolean;
  /** the files the versions' materials name */
  materialFiles: boolean;
  files: boolean;
  assignments: boolean;
  assignmentDistributors: boolean;
  assignmentLines: boolean;
  assignmentAuthor: boolean;
  myEnrollment: boolean;
  /** and the version it is on: read by its `courseVersion`, `status` and `attemptsLeft` */
  myEnrollmentVersion: boolean;
  /** and its latest certificate, with its lines */
  myEnrollmentCertificate: boolean;
  myEnrollmentCertificateLines: boolean;
}

/** The parts a course's selection (a page's `nodes`, or course(id)'s own) asks for. */
export function coursePageParts(course: Selection | undefined): CoursePageParts {
  const versions = [course?.published, course?.draft, course?.versions, course?.myEnrollment?.courseVersion];
  return {
    productLines: asks(course, 'productLines'),
    versions: asks(course, 'published', 'draft', 'versions'),
    versionLines: versions.some((v) => asks(v, 'productLines')),
    materialFiles: versions.some((v) => asks(v?.sections?.materials, 'file')),
    files: asks(course, 'files'),
    assignments: asks(course, 'assignments'),
    assignmentDistributors: asks(course?.assignments, 'distributors'),
    assignmentLines: asks(course?.assignments, 'productLines'),
    assignmentAuthor: asks(course?.assignments, 'createdBy'),
    myEnrollment: asks(course, 'myEnrollment'),
    myEnrollmentVersion: asks(course?.myEnrollment, 'courseVersion', 'status', 'attemptsLeft'),
    myEnrollmentCertificate: asks(course?.myEnrollment, 'certificate'),
    myEnrollmentCertificateLines: asks(course?.myEnrollment?.certificate, 'productLines'),
  };
}

interface AssignmentNode {
  assignment: CourseAssignment;
  distributors: Distributor[] | undefined;
  productLines: ProductLine[] | undefined;
  createdBy: User | null;
}

export interface CourseNode {
  course: Course;
  parts: CoursePageParts;
  productLines: ProductLine[] | undefined;
  versions: CourseVersion[] | undefined;
  versionLines: ProductLine[] | undefined;
  materialFiles: CourseFile[] | undefined;
  files: CourseFile[] | undefined;
  assignments: AssignmentNode[] | undefined;
  myEnrollments: MyEnrollmentNode[] | undefined;
}

interface MyEnrollmentNode {
  enrollment: Enrollment;
  courseVersion: CourseVersion | null;
  certificate: Certificate | null;
  certificateLines: ProductLine[] | undefined;
}

interface NodeJson {
  row: Json;
  productLines?: Json[];
  versions?: Json[];
  versionLines?: Json[];
  materialFiles?: Json[];
  files?: Json[];
  assignments?: Array<{ row: Json; distributors?: Json[]; productLines?: Json[]; createdBy?: Json | null }>;
  myEnrollments?: Array<{
    row: Json;
    courseVersion?: Json | null;
    certificate?: { row: Json; productLines?: Json[] } | null;
  }>;
}

/** An ORDER BY list of a shared order rule (versionOrder, fileOrder ...). */
const orderBy = (order: Record<string, 'ASC' | 'DESC'>) =>
  Object.entries(order)
    .map(([column, direction]) => `${column} ${direction}`)
    .join(', ');

/** The JSON node of course `c` (already in the viewer's scope) and how to read it back. */
function courseNode(ds: DataSource, scope: Scope, kit: JsonTreeKit, parts: CoursePageParts) {
  const { row, list, fields, one, inScope, entity } = kit;
  // the course's versions, as versionsByCourseId reads them
  const ofCourse = (v: string) => `${v}.course_id = c.id AND ${versionInScope(scope, v, inScope)}`;
  const versionsOf = (v: string) => `course_version ${v} WHERE ${ofCourse(v)}`;
  const node = fields([
    ['row', row(Course, 'c')],
    parts.productLines && ['productLines', productLinesOf(kit, 'c.product_line_ids', 'cl')],
    parts.versions && ['versions', list(row(CourseVersion, 'cv'), versionsOf('cv'), orderBy(versionOrder('cv')))],
    parts.versionLines && [
      'versionLines',
      productLinesOf(kit, `ARRAY(SELECT unnest(cvl.product_line_ids) FROM ${versionsOf('cvl')})`, 'cvll'),
    ],
    parts.materialFiles && ['materialFiles', materialFilesOf(kit, versionsOf('cmv'), 'cmf')],
    parts.files && [
      'files',
      list(
        row(CourseFile, 'cf'),
        `course_file cf WHERE cf.course_id = c.id AND ${fileInScope('cf', inScope)}`,
        orderBy(fileOrder('cf')),
      ),
    ],
    parts.assignments && [
      'assignments',
      list(
        fields([
          ['row', row(CourseAssignment, 'ca')],
          parts.assignmentDistributors && [
            'distributors',
            list(
              row(Distributor, 'cad'),
              `distributor cad WHERE cad.id = ANY(ca.distributor_ids) AND ${inScope('distributor', 'cad')}`,
              'cad.id',
            ),
          ],
          parts.assignmentLines && ['productLines', productLinesOf(kit, 'ca.product_line_ids', 'cal')],
          parts.assignmentAuthor && ['createdBy', one(User, 'app_user', 'cau', 'ca.created_by', 'user')],
        ]),
        `course_assignment ca WHERE ca.course_id = c.id AND ${assignmentInScope(scope, 'ca', inScope)}`,
        orderBy(assignmentOrder('ca')),
      ),
    ],
    parts.myEnrollment && [
      'myEnrollments',
      list(
        fields([
          ['row', row(Enrollment, 'cme')],
          parts.myEnrollmentVersion && ['courseVersion', versionRow(scope, kit, 'cmev', 'cme.course_version_id')],
          parts.myEnrollmentCertificate && [
            'certificate',
            `(SELECT ${fields([
              ['row', row(Certificate, 'cmc')],
              parts.myEnrollmentCertificateLines && [
                'productLines',
                productLinesOf(kit, 'cmc.product_line_ids', 'cmcl'),
              ],
            ])} FROM certificate cmc
              WHERE cmc.id = ${latestCertificateId('cmcx', 'cme.user_id', 'cme.course_id', inScope)} AND ${inScope('trainee', 'cmc')})`,
          ],
        ]),
        `training_enrollment cme WHERE cme.course_id = c.id AND ${ownEnrollment('cme')} AND ${inScope('trainee', 'cme')}`,
        'cme.id',
      ),
    ],
  ]);
  const rows = <T>(target: new () => T, json: Json[] | undefined) => json?.map((r) => fromJsonRow(ds, target, r) as T);
  const read = (json: Json): CourseNode => {
    const n = json as unknown as NodeJson;
    return {
      course: fromJsonRow(ds, Course, n.row),
      parts,
      productLines: rows(ProductLine, n.productLines),
      versions: rows(CourseVersion, n.versions),
      versionLines: rows(ProductLine, n.versionLines),
      materialFiles: rows(CourseFile, n.materialFiles),
      files: rows(CourseFile, n.files),
      assignments: n.assignments?.map((a) => ({
        assignment: fromJsonRow(ds, CourseAssignment, a.row),
        distributors: rows(Distributor, a.distributors),
        productLines: rows(ProductLine, a.productLines),
        createdBy: entity(User, a.createdBy),
      })),
      myEnrollments: n.myEnrollments?.map((m) => ({
        enrollment: fromJsonRow(ds, Enrollment, m.row),
        courseVersion: entity(CourseVersion, m.courseVersion),
        certificate: entity(Certificate, m.certificate?.row),
        certificateLines: rows(ProductLine, m.certificate?.productLines),
      })),
    };
  };
  return { node, read };
}

/** The page's node over course `c` (already in the viewer's scope), for paginateTree. */
export function coursePageTree(ds: DataSource, scope: Scope, parts: CoursePageParts): PageTree<CourseNode> {
  const kit = jsonTreeKit(ds, scope);
  const { node, read } = courseNode(ds, scope, kit, parts);
  return { node, params: kit.params, read };
}

/** Reads one course's tree in the viewer's scope; NOT_FOUND (a malformed id too) as CourseService.get does. */
export async function readCourseTree(ds: DataSource, scope: Scope, id: string, parts: CoursePageParts) {
  const kit = jsonTreeKit(ds, scope);
  const { node, read } = courseNode(ds, scope, kit, parts);
  return readOneTree(
    ds,
    scope,
    {
      table: 'course',
      alias: 'c',
      resource: 'course',
      label: 'Course',
      id,
      node,
      params: kit.params,
    },
    read,
  );
}

/** Primes the request's loaders with one course's node (a record the scope hid as null); returns the course. */
export function primeCourseNode(loaders: Loaders, n: CourseNode): Course {
  const c = n.course;
  const { parts } = n;
  if (n.productLines) primeProductLines(loaders, c.productLineIds, n.productLines);
  // a version's lines and the files its materials name, from the course's versions' (versionsOf)
  const primeVersion = (v: CourseVersion) => primeVersionParts(loaders, v, n.versionLines, n.materialFiles);
  if (n.versions) {
    loaders.versionsByCourseId.prime(c.id, n.versions);
    n.versions.forEach(primeVersion);
  }
  if (n.files) loaders.filesByCourseId.prime(c.id, n.files);
  if (n.assignments) {
    loaders.assignmentsByCourseId.prime(
      c.id,
      n.assignments.map((a) => a.assignment),
    );
    for (const a of n.assignments) {
      if (a.distributors) primeFound(loaders.distributorById, a.assignment.distributorIds, a.distributors);
      if (a.productLines) primeProductLines(loaders, a.assignment.productLineIds, a.productLines);
      if (parts.assignmentAuthor) loaders.userById.prime(a.assignment.createdBy, a.createdBy);
    }
  }
  if (n.myEnrollments) {
    loaders.myEnrollmentsByCourseId.prime(
      c.id,
      n.myEnrollments.map((m) => m.enrollment),
    );
    for (const m of n.myEnrollments) {
      const e = m.enrollment;
      if (parts.myEnrollmentVersion && e.courseVersionId)
        loaders.courseVersionById.prime(e.courseVersionId, m.courseVersion);
      if (m.courseVersion) primeVersion(m.courseVersion);
      if (parts.myEnrollmentCertificate)
        loaders.latestCertificateByUserCourse.prime(certificateKey(e.userId, e.courseId), m.certificate);
      if (m.certificate && m.certificateLines)
        primeProductLines(loaders, m.certificate.productLineIds, m.certificateLines);
    }
  }
  return c;
}

/** Primes the request's loaders with a page's nodes; returns the courses. */
export const primeCoursePage = (loaders: Loaders, nodes: CourseNode[]): Course[] =>
  nodes.map((n) => primeCourseNode(loaders, n));
