import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Side } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { today } from '../../common/dates';
import { ProductLineType } from '../product';
import { ProductLine } from '../product';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { UserType } from '../user';
import { User } from '../user';
import {
  Certificate,
  Course,
  CourseAssignment,
  CourseFile,
  CourseVersion,
  Enrollment,
  MaterialDoc,
  OptionDoc,
  QuizAttempt,
} from './training.entity';
import { enrollmentStatus } from './learning.service';
import { certificateKey } from './certification.service';
import { ReadinessRow, certifiedLines } from './readiness-page';
import {
  CertificateType,
  CertifiedLineType,
  CourseAssignmentType,
  CourseFileType,
  CourseType,
  CourseVersionType,
  EnrollmentType,
  MaterialType,
  OptionType,
  QuizAttemptType,
  ReadinessType,
} from './training.types';
import { EnrollmentStatus } from '@medchannel/shared-schema';

const linesOf = (ids: string[], ctx: GqlContext) =>
  Promise.all(ids.map((id) => loadersOf(ctx).productLineById.load(id))).then((lines) =>
    lines.filter((l): l is ProductLine => Boolean(l)),
  );

@Resolver(() => CourseType)
export class CourseResolver {
  @FieldResolver(() => [ProductLineType])
  productLines(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return linesOf(c.productLineIds, ctx);
  }

  @FieldResolver(() => CourseVersionType, { nullable: true, description: 'The version people take now' })
  async published(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<CourseVersion | null> {
    return (await loadersOf(ctx).versionsByCourseId.load(c.id)).find((v) => v.version === c.publishedVersion) ?? null;
  }

  @FieldResolver(() => CourseVersionType, {
    nullable: true,
    description: 'The version being edited (brand users only)',
  })
  async draft(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<CourseVersion | null> {
    return (await loadersOf(ctx).versionsByCourseId.load(c.id)).find((v) => v.version === c.draftVersion) ?? null;
  }

  @FieldResolver(() => [CourseVersionType], { description: 'Every version the viewer may see, newest first' })
  versions(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<CourseVersion[]> {
    return loadersOf(ctx).versionsByCourseId.load(c.id);
  }

  @FieldResolver(() => [CourseFileType], { description: 'Material files uploaded to the course' })
  files(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<CourseFile[]> {
    return loadersOf(ctx).filesByCourseId.load(c.id);
  }

  @FieldResolver(() => EnrollmentType, { nullable: true, description: 'The viewer’s own enrollment on it' })
  async myEnrollment(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<Enrollment | null> {
    return (await loadersOf(ctx).myEnrollmentsByCourseId.load(c.id))[0] ?? null;
  }

  @FieldResolver(() => [CourseAssignmentType], { description: 'Assignments made (brand users), newest first' })
  assignments(@Root() c: Course, @Ctx() ctx: GqlContext): Promise<CourseAssignment[]> {
    return loadersOf(ctx).assignmentsByCourseId.load(c.id);
  }
}

@Resolver(() => CourseVersionType)
export class CourseVersionResolver {
  @FieldResolver(() => [ProductLineType])
  productLines(@Root() v: CourseVersion, @Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return linesOf(v.productLineIds, ctx);
  }
}

@Resolver(() => MaterialType)
export class MaterialResolver {
  @FieldResolver(() => CourseFileType, { nullable: true })
  file(@Root() m: MaterialDoc, @Ctx() ctx: GqlContext): Promise<CourseFile | null> {
    return m.fileId ? loadersOf(ctx).courseFileById.load(m.fileId) : Promise.resolve(null);
  }
}

@Resolver(() => OptionType)
export class OptionResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the option is right: for brand users (editors) only, never for learners',
  })
  correct(@Root() o: OptionDoc, @Ctx() ctx: GqlContext): boolean | null {
    return requireScope(ctx).side === Side.BRAND ? o.correct : null;
  }
}

@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  @FieldResolver(() => CourseType, {
    nullable: true,
    description: 'Null once the course is archived, for distributor staff',
  })
  course(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<Course | null> {
    return loadersOf(ctx).courseById.load(e.courseId);
  }

  @FieldResolver(() => CourseVersionType, { nullable: true, description: 'The version being taken, or passed' })
  courseVersion(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<CourseVersion | null> {
    return e.courseVersionId ? loadersOf(ctx).courseVersionById.load(e.courseVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => UserType, { nullable: true })
  user(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(e.userId);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(e.distributorId);
  }

  @FieldResolver(() => EnrollmentStatus)
  async status(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<EnrollmentStatus> {
    const version = e.courseVersionId ? await loadersOf(ctx).courseVersionById.load(e.courseVersionId) : null;
    return enrollmentStatus(e, version?.maxAttempts ?? null);
  }

  @FieldResolver(() => Boolean, { description: 'Past its due date and not completed' })
  overdue(@Root() e: Enrollment): boolean {
    return !e.passedAt && e.dueOn !== null && e.dueOn < today();
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Attempts left at the version being taken' })
  async attemptsLeft(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<number | null> {
    const version = e.courseVersionId ? await loadersOf(ctx).courseVersionById.load(e.courseVersionId) : null;
    return version ? Math.max(version.maxAttempts - e.attempts, 0) : null;
  }

  @FieldResolver(() => [QuizAttemptType], { description: 'Every attempt, oldest first' })
  quizAttempts(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<QuizAttempt[]> {
    return loadersOf(ctx).attemptsByEnrollmentId.load(e.id);
  }

  @FieldResolver(() => CertificateType, { nullable: true, description: 'The latest certificate from this course' })
  certificate(@Root() e: Enrollment, @Ctx() ctx: GqlContext): Promise<Certificate | null> {
    return loadersOf(ctx).latestCertificateByUserCourse.load(certificateKey(e.userId, e.courseId));
  }
}

@Resolver(() => CertificateType)
export class CertificateResolver {
  @FieldResolver(() => Boolean, { description: 'Valid today' })
  valid(@Root() c: Certificate): boolean {
    const on = today();
    return c.issuedOn <= on && c.validTo >= on;
  }

  @FieldResolver(() => [ProductLineType])
  productLines(@Root() c: Certificate, @Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return linesOf(c.productLineIds, ctx);
  }

  @FieldResolver(() => UserType, { nullable: true })
  user(@Root() c: Certificate, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(c.userId);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() c: Certificate, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(c.distributorId);
  }

  @FieldResolver(() => CourseType, { nullable: true })
  course(@Root() c: Certificate, @Ctx() ctx: GqlContext): Promise<Course | null> {
    return loadersOf(ctx).courseById.load(c.courseId);
  }

  @FieldResolver(() => CourseVersionType, { nullable: true, description: 'The version passed' })
  courseVersion(@Root() c: Certificate, @Ctx() ctx: GqlContext): Promise<CourseVersion | null> {
    return loadersOf(ctx).courseVersionById.load(c.courseVersionId);
  }
}

@Resolver(() => CourseAssignmentType)
export class CourseAssignmentResolver {
  @FieldResolver(() => [DistributorType], { description: 'The distributors named (those the viewer may see)' })
  async distributors(@Root() a: CourseAssignment, @Ctx() ctx: GqlContext): Promise<Distributor[]> {
    const found = await Promise.all(a.distributorIds.map((id) => loadersOf(ctx).distributorById.load(id)));
    return found.filter((d): d is Distributor => Boolean(d));
  }

  @FieldResolver(() => [ProductLineType])
  productLines(@Root() a: CourseAssignment, @Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return linesOf(a.productLineIds, ctx);
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() a: CourseAssignment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(a.createdBy);
  }
}

@Resolver(() => ReadinessType)
export class ReadinessResolver {
  @FieldResolver(() => UserType, { nullable: true })
  user(@Root() r: ReadinessRow, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(r.userId);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() r: ReadinessRow, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(r.distributorId);
  }

  @FieldResolver(() => [CertifiedLineType], {
    description: 'Each product line with a certificate valid today, until its latest expiry',
  })
  async certifiedLines(@Root() r: ReadinessRow, @Ctx() ctx: GqlContext): Promise<CertifiedLineType[]> {
    return certifiedLines(await loadersOf(ctx).certificatesByUserId.load(r.userId));
  }
}

@Resolver(() => CertifiedLineType)
export class CertifiedLineResolver {
  @FieldResolver(() => ProductLineType, { nullable: true })
  productLine(@Root() l: CertifiedLineType, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(l.productLineId);
  }
}
