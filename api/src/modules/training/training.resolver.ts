import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { selectionOf } from '../../common/selection';
import { Page, PageArgs } from '../../common/pagination';
import { ProductType } from '../product';
import { Product } from '../product';
import { Certificate, Course, CourseAssignment, Enrollment } from './training.entity';
import { QuizResult } from './learning.service';
import { coursePageParts, primeCourseNode, primeCoursePage, readCourseTree } from './course-page';
import { enrollmentPageParts, primeEnrollmentNode, primeEnrollmentPage, readEnrollmentTree } from './enrollment-page';
import { certificatePageParts, primeCertificatePage } from './certificate-page';
import { CompletionRow } from './training-report.service';
import { ReadinessRow, primeReadinessPage, readinessPageParts } from './readiness-page';
import {
  CertificateConnection,
  CompletionType,
  CourseAssignmentType,
  CourseConnection,
  CourseType,
  EnrollmentConnection,
  EnrollmentType,
  QuizResultType,
  TrainingReadinessConnection,
} from './training.types';
import {
  AssignCourseInput,
  CertificateFilter,
  CompleteSectionArgs,
  CompletionArgs,
  CourseContentInput,
  CourseFilter,
  CourseVersionArgs,
  EnrollmentFilter,
  ProductCertificationArgs,
  ReadinessArgs,
  SubmitQuizInput,
} from './training.inputs';
import { Can } from '../../auth/can';

/** Courses and their editing (trainers), assignment, taking courses (distributor staff), and what it leaves: certificates and readiness. */
@Resolver()
export class TrainingResolver {
  @Can('training.read')
  @Query(() => CourseConnection, {
    description: 'Brand users: every course; distributor staff: the published ones. By title.',
  })
  async courses(
    @Args() page: PageArgs,
    @Arg('filter', () => CourseFilter, { nullable: true }) filter: CourseFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Course>> {
    const parts = coursePageParts(selectionOf(info).nodes);
    const found = await ctx.services.courses.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeCoursePage(loadersOf(ctx), found.nodes) };
  }

  @Can('training.read')
  @Query(() => CourseType)
  /** The course with what the request asks of its versions, files, assignments: one statement (course-page.ts). */
  async course(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const node = await readCourseTree(ctx.ds, requireScope(ctx), id, coursePageParts(selectionOf(info)));
    return primeCourseNode(loadersOf(ctx), node);
  }

  @Can('training.edit')
  @Mutation(() => CourseType, { description: 'A new course, as a draft (version 1)' })
  async createCourse(
    @Arg('input', () => CourseContentInput) input: CourseContentInput,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const node = await ctx.services.courses.create(requireScope(ctx), input, coursePageParts(selectionOf(info)));
    return primeCourseNode(loadersOf(ctx), node);
  }

  @Can('training.edit')
  @Mutation(() => CourseType, { description: 'Saves the draft; editing a published course starts version n+1' })
  async saveCourseDraft(
    @Args() { id, expectedVersion }: CourseVersionArgs,
    @Arg('input', () => CourseContentInput) input: CourseContentInput,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const parts = coursePageParts(selectionOf(info));
    const node = await ctx.services.courses.saveDraft(requireScope(ctx), id, expectedVersion, input, parts);
    return primeCourseNode(loadersOf(ctx), node);
  }

  @Can('training.edit')
  @Mutation(() => CourseType, { description: 'The draft becomes the version people take; the one before is retired' })
  async publishCourse(
    @Args() { id, expectedVersion }: CourseVersionArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const parts = coursePageParts(selectionOf(info));
    const node = await ctx.services.courses.publish(requireScope(ctx), id, expectedVersion, parts);
    return primeCourseNode(loadersOf(ctx), node);
  }

  @Can('training.edit')
  @Mutation(() => CourseType, {
    description: 'Archived courses can no longer be started or assigned; certificates stay valid',
  })
  async archiveCourse(
    @Args() { id, expectedVersion }: CourseVersionArgs,
    @Arg('archived', () => Boolean) archived: boolean,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const parts = coursePageParts(selectionOf(info));
    const node = await ctx.services.courses.archive(requireScope(ctx), id, expectedVersion, archived, parts);
    return primeCourseNode(loadersOf(ctx), node);
  }

  @Can('training.assign')
  @Mutation(() => CourseAssignmentType, { description: 'Assigns a published course; idempotent by key' })
  assignCourse(
    @Arg('input', () => AssignCourseInput) input: AssignCourseInput,
    @Ctx() ctx: GqlContext,
  ): Promise<CourseAssignment> {
    return ctx.services.assignments.assign(requireScope(ctx), input);
  }

  @Can('training.read')
  @Query(() => EnrollmentConnection, {
    description: 'A rep: their own; an owner: their team’s; brand users by region. Soonest due first.',
  })
  async enrollments(
    @Args() page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Enrollment>> {
    const parts = enrollmentPageParts(selectionOf(info).nodes);
    const found = await ctx.services.learning.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeEnrollmentPage(loadersOf(ctx), found.nodes) };
  }

  @Can('training.read')
  @Query(() => EnrollmentType)
  /** The enrollment with what the request asks of its course, version, attempts, certificate: one statement (enrollment-page.ts). */
  async enrollment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enrollment> {
    const node = await readEnrollmentTree(ctx.ds, requireScope(ctx), id, enrollmentPageParts(selectionOf(info)));
    return primeEnrollmentNode(loadersOf(ctx), node);
  }

  @Can('training.take')
  @Mutation(() => EnrollmentType, { description: 'Starts or resumes a published course (assigned or not)' })
  async startCourse(
    @Arg('courseId', () => ID) courseId: string,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enrollment> {
    const node = await ctx.services.learning.start(requireScope(ctx), courseId, enrollmentPageParts(selectionOf(info)));
    return primeEnrollmentNode(loadersOf(ctx), node);
  }

  @Can('training.take')
  @Mutation(() => EnrollmentType)
  async completeCourseSection(
    @Args() { enrollmentId, sectionId }: CompleteSectionArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enrollment> {
    const parts = enrollmentPageParts(selectionOf(info));
    const node = await ctx.services.learning.completeSection(requireScope(ctx), enrollmentId, sectionId, parts);
    return primeEnrollmentNode(loadersOf(ctx), node);
  }

  @Can('training.take')
  @Mutation(() => QuizResultType, {
    description: 'Scores an attempt at once; passing issues the certificate. Idempotent by key.',
  })
  submitQuiz(@Arg('input', () => SubmitQuizInput) input: SubmitQuizInput, @Ctx() ctx: GqlContext): Promise<QuizResult> {
    return ctx.services.learning.submitQuiz(requireScope(ctx), input);
  }

  @Can('training.read')
  @Query(() => CertificateConnection, {
    description: 'Certificates the viewer may see (a rep: their own), newest first',
  })
  async certificates(
    @Args() page: PageArgs,
    @Arg('filter', () => CertificateFilter, { nullable: true }) filter: CertificateFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Certificate>> {
    const parts = certificatePageParts(selectionOf(info).nodes);
    const found = await ctx.services.certifications.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeCertificatePage(loadersOf(ctx), found.nodes) };
  }

  @Can('training.read')
  @Query(() => TrainingReadinessConnection, {
    description:
      'Who is ready for which product line: distributor staff with their valid certifications and training counts',
  })
  async trainingReadiness(
    @Args() page: PageArgs,
    @Args() args: ReadinessArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<ReadinessRow>> {
    const parts = readinessPageParts(selectionOf(info).nodes);
    const found = await ctx.services.trainingReports.readiness(requireScope(ctx), page, args, parts);
    return { ...found, nodes: primeReadinessPage(loadersOf(ctx), found.nodes) };
  }

  @Can('training.report')
  @Query(() => [CompletionType], {
    description: 'Assigned, started, completed and overdue, by province, distributor or course',
  })
  trainingCompletion(@Args() args: CompletionArgs, @Ctx() ctx: GqlContext): Promise<CompletionRow[]> {
    const scope = requireScope(ctx);
    return ctx.services.replica.read(() => ctx.services.trainingReports.completion(scope, args));
  }

  @Can('training.edit')
  @Mutation(() => ProductType, { description: 'Whether ordering the product needs a certificate for its line' })
  setProductCertification(
    @Args() { productId, required }: ProductCertificationArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Product> {
    return ctx.services.products.setCertificationRequired(requireScope(ctx), productId, required);
  }
}
