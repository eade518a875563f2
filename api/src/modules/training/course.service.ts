import { DataSource, EntityManager } from 'typeorm';
import {
  CourseListStatus,
  CourseVersionStatus,
  ErrorReason,
  MAX_MATERIAL_BYTES,
  Side,
} from '@medchannel/shared-schema';
import { visibleIds } from '../../auth/scoped-ids';
import { Scope, applyScope } from '../../auth/scope';
import { JsonTreeKit, jsonTreeKit } from '../../db/json-tree';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, SortKey, containsPattern, paginateTree } from '../../common/pagination';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { assertVersion } from '../../common/versioning';
import { Course, CourseFile, CourseVersion } from './training.entity';
import { CourseContentInput, CourseFilter } from './training.inputs';
import { assertPublishable, toDocs } from './course-content';
import { CourseNode, CoursePageParts, coursePageTree, readCourseTree } from './course-page';

const COURSE_STATUS_SQL: Record<CourseListStatus, string> = {
  [CourseListStatus.PUBLISHED]: 'c.published_version IS NOT NULL AND c.archived_at IS NULL',
  [CourseListStatus.DRAFT]: 'c.published_version IS NULL AND c.archived_at IS NULL',
  [CourseListStatus.ARCHIVED]: 'c.archived_at IS NOT NULL',
};

/**
 * Which course versions the viewer may see, as SQL over version `v`: those of a course the scope's
 * `course` rule lets them see; distributor staff never a draft (only what they may have taken).
 * The version loaders and the enrollments page (enrollment-page.ts) read versions by it alike.
 */
export function versionInScope(scope: Scope, v: string, inScope: JsonTreeKit['inScope']): string {
  const c = `${v}_c`;
  const draft = scope.side === Side.PARTNER ? ` AND ${v}.status <> 'DRAFT'` : '';
  return `(EXISTS (SELECT 1 FROM course ${c} WHERE ${c}.id = ${v}.course_id AND ${inScope('course', c)})${draft})`;
}

/**
 * The version `idColumn` names as a JSON row, or null when versionInScope hides it, as its loader
 * (courseVersionById) answers: the one-statement pages (enrollments, certificates) read versions by it.
 */
export const versionRow = (scope: Scope, kit: Pick<JsonTreeKit, 'row' | 'inScope'>, v: string, idColumn: string) =>
  `(SELECT ${kit.row(CourseVersion, v)} FROM course_version ${v}
     WHERE ${v}.id = ${idColumn} AND ${versionInScope(scope, v, kit.inScope)})`;

/** A course's versions newest first, over version `v`: versionsByCourseId and the courses page (course-page.ts) order them alike. */
export const versionOrder = (v: string): Record<string, 'DESC'> => ({ [`${v}.version`]: 'DESC' });

/**
 * Which material files the viewer may see, as SQL over file `f`: those of a course the scope's
 * `course` rule lets them see. The file loaders and the courses page read files by it alike.
 */
export const fileInScope = (f: string, inScope: JsonTreeKit['inScope']) =>
  `EXISTS (SELECT 1 FROM course ${f}_c WHERE ${f}_c.id = ${f}.course_id AND ${inScope('course', `${f}_c`)})`;

/** A course's material files oldest first, over file `f`: filesByCourseId and the courses page order them alike. */
export const fileOrder = (f: string): Record<string, 'ASC'> => ({ [`${f}.created_at`]: 'ASC', [`${f}.id`]: 'ASC' });

/** The courses list's sort keys: by title. */
export const COURSE_ORDER: SortKey<Course>[] = [
  { column: 'c.title', value: (c) => c.title },
  { column: 'c.id', value: (c) => c.id },
];

/**
 * Courses and their versions. A course is edited as a draft; publishing makes the draft the
 * version people take and retires the one before. Editing a published course starts a new draft
 * (version n+1) from what is sent, so what anyone passed stays exactly as it was.
 */
export class CourseService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Course).createQueryBuilder('c'), scope, 'course');
  }

  /** The courses list, each row with what the request asks of it, in one statement (course-page.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: CourseFilter | undefined,
    parts: CoursePageParts,
  ): Promise<Page<CourseNode>> {
    return paginateTree(
      this.listQuery(scope, filter ?? {}),
      page,
      COURSE_ORDER,
      'ASC',
      coursePageTree(this.ds, scope, parts),
      (n) => n.course,
    );
  }

  /** The courses list's rows before paging. */
  listQuery(scope: Scope, filter: CourseFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.status) qb.andWhere(COURSE_STATUS_SQL[filter.status]);
    else if (!filter.includeArchived) qb.andWhere('c.archived_at IS NULL');
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.productLineId) qb.andWhere(':line = ANY(c.product_line_ids)', { line: filter.productLineId });
    if (filter.search) qb.andWhere('c.title ILIKE :s', { s: containsPattern(filter.search) });
    return qb;
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<Course> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('c.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Course');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Course[]> {
    return this.scoped(scope).andWhere('c.id = ANY(:ids)', { ids }).getMany();
  }

  /**
   * Versions of visible courses, by id. A partner sees only published and retired ones (what
   * they may have taken), never a draft.
   */
  versionsByIds(scope: Scope, ids: readonly string[], em: EntityManager = this.ds.manager): Promise<CourseVersion[]> {
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return em
      .getRepository(CourseVersion)
      .createQueryBuilder('v')
      .where('v.id = ANY(:ids)', { ids })
      .andWhere(versionInScope(scope, 'v', inScope), params)
      .getMany();
  }

  /** Every version of the given courses, newest first (brand users). */
  versionsByCourseIds(scope: Scope, courseIds: readonly string[]): Promise<CourseVersion[]> {
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return this.ds
      .getRepository(CourseVersion)
      .createQueryBuilder('v')
      .where('v.course_id = ANY(:courseIds)', { courseIds })
      .andWhere(versionInScope(scope, 'v', inScope), params)
      .orderBy(versionOrder('v'))
      .getMany();
  }

  /** The published version of a course the viewer may take; NOT_FOUND when there is none. */
  async published(
    scope: Scope,
    courseId: string,
    em: EntityManager = this.ds.manager,
  ): Promise<{ course: Course; version: CourseVersion }> {
    const course = await this.get(scope, courseId, em);
    const version = course.publishedVersion
      ? await em.findOne(CourseVersion, { where: { courseId: course.id, version: course.publishedVersion } })
      : null;
    if (!version || course.archivedAt) throw notFound('Course');
    return { course, version };
  }

  async create(scope: Scope, input: CourseContentInput, parts: CoursePageParts): Promise<CourseNode> {
    const docs = toDocs(input, new Set());
    const id = await this.ds.transaction(async (em) => {
      const course = await em.save(
        em.create(Course, {
          brandId: scope.brandId,
          kind: input.kind,
          title: input.title.trim(),
          productLineIds: await this.lines(em, scope, input.productLineIds),
          publishedVersion: null,
          draftVersion: 1,
          archivedAt: null,
          createdBy: scope.userId,
        }),
      );
      await em.insert(CourseVersion, this.versionRow(scope, course, 1, input, docs, course.productLineIds));
      await audit(em, scope, 'CREATE', 'course', course.id, { title: course.title, kind: course.kind });
      return course.id;
    });
    return readCourseTree(this.ds, scope, id, parts);
  }

  /** Saves the draft: the open one is rewritten; with none open, version n+1 starts from what is sent. */
  async saveDraft(
    scope: Scope,
    id: string,
    expectedVersion: number,
    input: CourseContentInput,
    parts: CoursePageParts,
  ): Promise<CourseNode> {
    await this.ds.transaction(async (em) => {
      const course = await this.locked(em, scope, id, expectedVersion);
      const files = await em.find(CourseFile, { where: { courseId: course.id }, select: { id: true } });
      const docs = toDocs(input, new Set(files.map((f) => f.id)));
      const lines = await this.lines(em, scope, input.productLineIds);
      if (course.draftVersion) {
        const {
          brandId: _b,
          courseId: _c,
          version: _v,
          status: _s,
          ...content
        } = this.versionRow(scope, course, course.draftVersion, input, docs, lines);
        await em.update(CourseVersion, { courseId: course.id, version: course.draftVersion }, content);
      } else {
        const next =
          (await em.query(`SELECT max(version)::int AS v FROM course_version WHERE course_id = $1`, [course.id]))[0].v +
          1;
        await em.insert(CourseVersion, this.versionRow(scope, course, next, input, docs, lines));
        course.draftVersion = next;
      }
      // a course nobody can take yet shows its draft's face
      const face = course.publishedVersion
        ? {}
        : { kind: input.kind, title: input.title.trim(), productLineIds: lines };
      await em.save(Object.assign(course, face));
      await audit(em, scope, 'SAVE_DRAFT', 'course', course.id, {
        version: course.draftVersion,
        title: input.title.trim(),
      });
    });
    return readCourseTree(this.ds, scope, id, parts);
  }

  /** The draft becomes what people take; the version before it is retired (kept for whoever passed it). */
  async publish(scope: Scope, id: string, expectedVersion: number, parts: CoursePageParts): Promise<CourseNode> {
    await this.ds.transaction(async (em) => {
      const course = await this.locked(em, scope, id, expectedVersion);
      if (!course.draftVersion)
        throw new AppError(
          ErrorCode.CONFLICT,
          'There is no draft to publish; edit the course first',
          undefined,
          ErrorReason.ILLEGAL_TRANSITION,
        );
      const draft = await em.findOneOrFail(CourseVersion, {
        where: { courseId: course.id, version: course.draftVersion },
      });
      assertPublishable(draft);
      if (course.publishedVersion) {
        await em.update(
          CourseVersion,
          { courseId: course.id, version: course.publishedVersion },
          { status: CourseVersionStatus.RETIRED },
        );
      }
      await em.update(
        CourseVersion,
        { id: draft.id },
        { status: CourseVersionStatus.PUBLISHED, publishedAt: new Date(), publishedBy: scope.userId },
      );
      await em.save(
        Object.assign(course, {
          publishedVersion: draft.version,
          draftVersion: null,
          kind: draft.kind,
          title: draft.title,
          productLineIds: draft.productLineIds,
          archivedAt: null,
        }),
      );
      await audit(em, scope, 'PUBLISH', 'course', course.id, { version: draft.version });
    });
    return readCourseTree(this.ds, scope, id, parts);
  }

  /** Archived courses can no longer be started or assigned; certificates already issued stay valid. */
  async archive(
    scope: Scope,
    id: string,
    expectedVersion: number,
    archived: boolean,
    parts: CoursePageParts,
  ): Promise<CourseNode> {
    await this.ds.transaction(async (em) => {
      const course = await this.locked(em, scope, id, expectedVersion);
      await em.save(Object.assign(course, { archivedAt: archived ? new Date() : null }));
      await audit(em, scope, archived ? 'ARCHIVE' : 'UNARCHIVE', 'course', course.id, {});
    });
    return readCourseTree(this.ds, scope, id, parts);
  }

  /**
   * Stores a material file (PDF, JPEG or PNG by content) of a course. The bytes go in first under
   * their hash, so a failed commit leaves at most an unreferenced file, never a row without one.
   */
  async attachFile(scope: Scope, courseId: string, fileName: string, data: Buffer): Promise<CourseFile> {
    const file = checkUpload(data, {
      maxBytes: MAX_MATERIAL_BYTES,
      tooLarge: 'A material file may be at most 20 MB',
      unsupported: 'Upload a PDF, JPEG or PNG',
    });
    const course = await this.get(scope, courseId);
    const key = `courses/${course.brandId}/${course.id}/${file.sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const name = keptFileName(fileName, 'material');
      const saved = await em.save(
        em.create(CourseFile, {
          brandId: course.brandId,
          courseId: course.id,
          fileKey: key,
          fileName: name,
          fileMime: file.mime,
          fileSize: file.size,
          fileSha256: file.sha256,
          uploadedBy: scope.userId,
        }),
      );
      await audit(em, scope, 'ATTACH_FILE', 'course', course.id, {
        fileId: saved.id,
        fileName: name,
        size: file.size,
        sha256: file.sha256,
      });
      return saved;
    });
  }

  /** A material file, for someone who may see its course (a partner: a published one). */
  async readFile(scope: Scope, id: string): Promise<StoredFile> {
    const qb = this.ds
      .getRepository(CourseFile)
      .createQueryBuilder('f')
      .addSelect('f.fileKey')
      .innerJoin(Course, 'c', 'c.id = f.course_id')
      .where('f.id = :id', { id });
    const file = isUuid(id) ? await applyScope(qb, scope, 'course', 'c').getOne() : null;
    if (!file) throw notFound('File');
    return new StoredFile(this.storage, file.fileKey, file.fileName, file.fileMime, file.fileSize);
  }

  filesByIds(scope: Scope, ids: readonly string[]): Promise<CourseFile[]> {
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return this.ds
      .getRepository(CourseFile)
      .createQueryBuilder('f')
      .where('f.id = ANY(:ids)', { ids })
      .andWhere(fileInScope('f', inScope), params)
      .getMany();
  }

  filesByCourseIds(scope: Scope, courseIds: readonly string[]): Promise<CourseFile[]> {
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return this.ds
      .getRepository(CourseFile)
      .createQueryBuilder('f')
      .where('f.course_id = ANY(:courseIds)', { courseIds })
      .andWhere(fileInScope('f', inScope), params)
      .orderBy(fileOrder('f'))
      .getMany();
  }

  private async locked(em: EntityManager, scope: Scope, id: string, expectedVersion: number): Promise<Course> {
    const course = isUuid(id)
      ? await this.scoped(scope, em).andWhere('c.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!course) throw notFound('Course');
    assertVersion(course, expectedVersion, 'course');
    return course;
  }

  /** The product lines named, each the brand's own. */
  private async lines(em: EntityManager, scope: Scope, ids: string[]): Promise<string[]> {
    return visibleIds(em, scope, 'productLine', ids, 'productLineIds');
  }

  private versionRow(
    scope: Scope,
    course: Course,
    version: number,
    input: CourseContentInput,
    docs: ReturnType<typeof toDocs>,
    lines: string[],
  ) {
    return {
      brandId: scope.brandId,
      courseId: course.id,
      version,
      status: CourseVersionStatus.DRAFT,
      kind: input.kind,
      title: input.title.trim(),
      summary: input.summary.trim(),
      productLineIds: lines,
      passScore: input.passScore,
      maxAttempts: input.maxAttempts,
      validityMonths: input.validityMonths,
      sections: docs.sections,
      questions: docs.questions,
    };
  }
}
