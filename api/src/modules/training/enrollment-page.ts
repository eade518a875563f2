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
import { certificateKey, latestCertificateId } from './certification.service';
import { versionInScope, versionRow } from './course.service';
import { materialFilesOf, primeVersionParts } from './version-tree';
import { primeProductLines, productLinesOf } from './certificate-page';
import { Certificate, Course, CourseFile, CourseVersion, Enrollment, QuizAttempt } from './training.entity';

/**
 * A page of enrollments ("my training", a course's enrollments on the console) with what each row
 * names (the course and the viewer's own enrollment on it, the version taken, the person, the
 * distributor, the quiz attempts, the latest certificate with its product lines), built with the
 * page in one statement (paginateTree): each part only when the request's selection under `nodes`
 * asks for it, each record under the scope helper's own condition, so one the viewer may not see
 * comes back null, as from its loader. The request's loaders are primed with it, so the field
 * resolvers answer from memory.
 */
export interface EnrollmentPageParts {
  course: boolean;
  /** the viewer's own enrollment on the row's course (Course.myEnrollment) */
  myEnrollment: boolean;
  /** and the version it is on: asked itself, or read by its `status` and `attemptsLeft` */
  myEnrollmentVersion: boolean;
  /** the version taken: asked itself, or read by `status` and `attemptsLeft` */
  courseVersion: boolean;
  /** and its lines, and the files its materials name (the portal's course content) */
  courseVersionLines: boolean;
  courseVersionFiles: boolean;
  user: boolean;
  distributor: boolean;
  quizAttempts: boolean;
  certificate: boolean;
  certificateLines: boolean;
}

/** The fields of an enrollment that read the version it is on. */
const READ_VERSION = ['courseVersion', 'status', 'attemptsLeft'];

export function enrollmentPageParts(nodes: Selection | undefined): EnrollmentPageParts {
  return {
    course: asks(nodes, 'course'),
    myEnrollment: asks(nodes?.course, 'myEnrollment'),
    myEnrollmentVersion: asks(nodes?.course?.myEnrollment, ...READ_VERSION),
    courseVersion: asks(nodes, ...READ_VERSION),
    courseVersionLines: asks(nodes?.courseVersion, 'productLines'),
    courseVersionFiles: asks(nodes?.courseVersion?.sections?.materials, 'file'),
    user: asks(nodes, 'user'),
    distributor: asks(nodes, 'distributor'),
    quizAttempts: asks(nodes, 'quizAttempts'),
    certificate: asks(nodes, 'certificate'),
    certificateLines: asks(nodes?.certificate, 'productLines'),
  };
}

/**
 * The viewer's own enrollment, as SQL over enrollment `a` (under the scope's condition, which names
 * `:scope_user`): Course.myEnrollment's loader and this page read it alike.
 */
export const ownEnrollment = (a: string) => `${a}.user_id = :scope_user`;

/** An enrollment's quiz attempts oldest first, over attempt `a`: their loader and this page order them alike. */
export const attemptOrder = (a: string): Record<string, 'ASC'> => ({
  [`${a}.created_at`]: 'ASC',
  [`${a}.attempt_no`]: 'ASC',
});

export interface EnrollmentNode {
  enrollment: Enrollment;
  parts: EnrollmentPageParts;
  course: Course | null;
  myEnrollments: Array<{ enrollment: Enrollment; courseVersion: CourseVersion | null }> | undefined;
  courseVersion: CourseVersion | null;
  courseVersionLines: ProductLine[] | undefined;
  courseVersionFiles: CourseFile[] | undefined;
  user: User | null;
  distributor: Distributor | null;
  quizAttempts: QuizAttempt[] | undefined;
  certificate: Certificate | null;
  certificateLines: ProductLine[] | undefined;
}

interface NodeJson {
  row: Json;
  course?: Json | null;
  myEnrollments?: Array<{ row: Json; courseVersion?: Json | null }>;
  courseVersion?: Json | null;
  courseVersionLines?: Json[];
  courseVersionFiles?: Json[];
  user?: Json | null;
  distributor?: Json | null;
  quizAttempts?: Json[];
  certificate?: { row: Json; productLines?: Json[] } | null;
}

/** The JSON node of enrollment `e` (already in the viewer's scope) and how to read it back. */
function enrollmentNode(ds: DataSource, scope: Scope, kit: JsonTreeKit, parts: EnrollmentPageParts) {
  const { row, list, fields, one, inScope, entity } = kit;
  // the version enrollment `of` is on, as its loader reads it
  const versionOf = (of: string, v: string) => versionRow(scope, kit, v, `${of}.course_version_id`);
  // the version enrollment `e` is on, as a `course_version x WHERE ...` text
  const taken = (v: string) =>
    `course_version ${v} WHERE ${v}.id = e.course_version_id AND ${versionInScope(scope, v, inScope)}`;
  const node = fields([
    ['row', row(Enrollment, 'e')],
    parts.course && ['course', one(Course, 'course', 'ec', 'e.course_id', 'course')],
    parts.myEnrollment && [
      'myEnrollments',
      list(
        fields([
          ['row', row(Enrollment, 'em')],
          parts.myEnrollmentVersion && ['courseVersion', versionOf('em', 'emv')],
        ]),
        `training_enrollment em WHERE em.course_id = e.course_id AND ${ownEnrollment('em')} AND ${inScope('trainee', 'em')}`,
        'em.id',
      ),
    ],
    parts.courseVersion && ['courseVersion', versionOf('e', 'ev')],
    parts.courseVersionLines && [
      'courseVersionLines',
      productLinesOf(kit, `ARRAY(SELECT unnest(evl.product_line_ids) FROM ${taken('evl')})`, 'evll'),
    ],
    parts.courseVersionFiles && ['courseVersionFiles', materialFilesOf(kit, taken('evf'), 'evff')],
    parts.user && ['user', one(User, 'app_user', 'eu', 'e.user_id', 'user')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'ed', 'e.distributor_id', 'distributor')],
    // the enrollment is in view, so its attempts are (as their loader reads them)
    parts.quizAttempts && [
      'quizAttempts',
      list(
        row(QuizAttempt, 'ea'),
        'quiz_attempt ea WHERE ea.enrollment_id = e.id',
        Object.keys(attemptOrder('ea')).join(', '),
      ),
    ],
    parts.certificate && [
      'certificate',
      `(SELECT ${fields([
        ['row', row(Certificate, 'ect')],
        parts.certificateLines && ['productLines', productLinesOf(kit, 'ect.product_line_ids', 'ecl')],
      ])} FROM certificate ect
        WHERE ect.id = ${latestCertificateId('ecx', 'e.user_id', 'e.course_id', inScope)} AND ${inScope('trainee', 'ect')})`,
    ],
  ]);
  return {
    node,
    read: (json: Json): EnrollmentNode => {
      const n = json as unknown as NodeJson;
      return {
        enrollment: fromJsonRow(ds, Enrollment, n.row),
        parts,
        course: entity(Course, n.course),
        myEnrollments: n.myEnrollments?.map((m) => ({
          enrollment: fromJsonRow(ds, Enrollment, m.row),
          courseVersion: entity(CourseVersion, m.courseVersion),
        })),
        courseVersion: entity(CourseVersion, n.courseVersion),
        courseVersionLines: n.courseVersionLines?.map((l) => fromJsonRow(ds, ProductLine, l)),
        courseVersionFiles: n.courseVersionFiles?.map((f) => fromJsonRow(ds, CourseFile, f)),
        user: entity(User, n.user),
        distributor: entity(Distributor, n.distributor),
        quizAttempts: n.quizAttempts?.map((a) => fromJsonRow(ds, QuizAttempt, a)),
        certificate: entity(Certificate, n.certificate?.row),
        certificateLines: n.certificate?.productLines?.map((l) => fromJsonRow(ds, ProductLine, l)),
      };
    },
  };
}

/** The page's node over enrollment `e` (already in the viewer's scope), for paginateTree. */
export function enrollmentPageTree(ds: DataSource, scope: Scope, parts: EnrollmentPageParts): PageTree<EnrollmentNode> {
  const kit = jsonTreeKit(ds, scope);
  return { ...enrollmentNode(ds, scope, kit, parts), params: kit.params };
}

/**
 * Reads one enrollment's tree (enrollment(id), what startCourse and completeCourseSection answer) in
 * the viewer's scope, with the page's node; NOT_FOUND (a malformed id too) as LearningService.get does.
 */
export async function readEnrollmentTree(
  ds: DataSource,
  scope: Scope,
  id: string,
  parts: EnrollmentPageParts,
): Promise<EnrollmentNode> {
  const kit = jsonTreeKit(ds, scope);
  const { node, read } = enrollmentNode(ds, scope, kit, parts);
  return readOneTree(
    ds,
    scope,
    {
      table: 'training_enrollment',
      alias: 'e',
      resource: 'trainee',
      label: 'Enrollment',
      id,
      node,
      params: kit.params,
    },
    read,
  );
}

/** Primes the request's loaders with one enrollment's node (a record the scope hid as null); returns the enrollment. */
export function primeEnrollmentNode(loaders: Loaders, n: EnrollmentNode): Enrollment {
  const e = n.enrollment;
  const { parts } = n;
  if (parts.course) loaders.courseById.prime(e.courseId, n.course);
  if (n.myEnrollments) {
    loaders.myEnrollmentsByCourseId.prime(
      e.courseId,
      n.myEnrollments.map((m) => m.enrollment),
    );
    for (const m of n.myEnrollments)
      if (parts.myEnrollmentVersion && m.enrollment.courseVersionId)
        loaders.courseVersionById.prime(m.enrollment.courseVersionId, m.courseVersion);
  }
  if (parts.courseVersion && e.courseVersionId) loaders.courseVersionById.prime(e.courseVersionId, n.courseVersion);
  if (n.courseVersion) primeVersionParts(loaders, n.courseVersion, n.courseVersionLines, n.courseVersionFiles);
  if (parts.user) loaders.userById.prime(e.userId, n.user);
  if (parts.distributor) loaders.distributorById.prime(e.distributorId, n.distributor);
  if (n.quizAttempts) loaders.attemptsByEnrollmentId.prime(e.id, n.quizAttempts);
  if (parts.certificate)
    loaders.latestCertificateByUserCourse.prime(certificateKey(e.userId, e.courseId), n.certificate);
  // a line the scope hid (none today: lines are brand-wide) is primed as null, as its loader answers
  if (n.certificate && n.certificateLines) primeProductLines(loaders, n.certificate.productLineIds, n.certificateLines);
  return e;
}

/** Primes the request's loaders with a page's nodes; returns the enrollments. */
export const primeEnrollmentPage = (loaders: Loaders, nodes: EnrollmentNode[]): Enrollment[] =>
  nodes.map((n) => primeEnrollmentNode(loaders, n));
