import type { Scope } from '../../auth/scope';
import { byId, byKey, groupedBy } from '../../common/loaders';
import { seedTraining } from '../../db/seed/training-data';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { NotificationServices } from '../notification';
import { AssignmentService } from './assignment.service';
import { CertificateDocumentService } from './certificate-document.service';
import { CertificationService, certificateKey } from './certification.service';
import { CertificateNumberIndex1769200000000 } from './1769200000000-CertificateNumberIndex';
import { CourseService } from './course.service';
import { LearningService } from './learning.service';
import { TrainingReportService } from './training-report.service';
import {
  Certificate,
  Course,
  CourseAssignment,
  CourseFile,
  CourseVersion,
  Enrollment,
  QuizAttempt,
} from './training.entity';
import { TrainingResolver } from './training.resolver';
import {
  CertificateResolver,
  CertifiedLineResolver,
  CourseAssignmentResolver,
  CourseResolver,
  CourseVersionResolver,
  EnrollmentResolver,
  MaterialResolver,
  OptionResolver,
  ReadinessResolver,
} from './training-parts.resolver';
import { trainingFileRoutes } from './training.routes';

function trainingServices({ ds, storage, config }: ModuleCore, deps: NotificationServices) {
  const courses = new CourseService(ds, storage);
  const certifications = new CertificationService(ds);
  return {
    courses,
    learning: new LearningService(ds, courses),
    assignments: new AssignmentService(ds, courses, deps.notifications),
    certifications,
    certificateDocuments: new CertificateDocumentService(
      ds,
      certifications,
      config.certificateSecret,
      config.portalUrl,
      config.loginAttemptsPerMinute * 4,
    ),
    trainingReports: new TrainingReportService(ds),
  };
}
export type TrainingServices = ReturnType<typeof trainingServices>;
/** What the course file routes use. */
export type TrainingRouteServices = TrainingServices & CoreServices;

function trainingLoaders(services: TrainingServices, scope: Scope) {
  return {
    courseById: byId<Course>((ids) => services.courses.byIds(scope, ids)),
    courseVersionById: byId<CourseVersion>((ids) => services.courses.versionsByIds(scope, ids)),
    versionsByCourseId: groupedBy<CourseVersion>(
      (ids) => services.courses.versionsByCourseIds(scope, ids),
      (v) => v.courseId,
    ),
    courseFileById: byId<CourseFile>((ids) => services.courses.filesByIds(scope, ids)),
    filesByCourseId: groupedBy<CourseFile>(
      (ids) => services.courses.filesByCourseIds(scope, ids),
      (f) => f.courseId,
    ),
    assignmentsByCourseId: groupedBy<CourseAssignment>(
      (ids) => services.assignments.listForCourse(scope, ids),
      (a) => a.courseId,
    ),
    myEnrollmentsByCourseId: groupedBy<Enrollment>(
      (ids) => services.learning.mineByCourseIds(scope, ids),
      (e) => e.courseId,
    ),
    attemptsByEnrollmentId: groupedBy<QuizAttempt>(
      (ids) => services.learning.attemptsByEnrollmentIds(scope, ids),
      (a) => a.enrollmentId,
    ),
    latestCertificateByUserCourse: byKey<Certificate>(
      (keys) => services.certifications.latestByUserCourse(scope, keys),
      (c) => certificateKey(c.userId, c.courseId),
    ),
    certificatesByUserId: groupedBy<Certificate>(
      (ids) => services.certifications.byUserIds(scope, ids),
      (c) => c.userId,
    ),
  };
}

export const trainingModule = defineModule({
  name: 'training',
  entities: () => [Course, CourseVersion, CourseFile, CourseAssignment, Enrollment, QuizAttempt, Certificate],
  migrations: () => [CertificateNumberIndex1769200000000],
  services: trainingServices,
  loaders: trainingLoaders,
  resolvers: () => [
    TrainingResolver,
    CourseResolver,
    CourseVersionResolver,
    MaterialResolver,
    OptionResolver,
    EnrollmentResolver,
    CertificateResolver,
    CourseAssignmentResolver,
    ReadinessResolver,
    CertifiedLineResolver,
  ],
  routes: (services) => trainingFileRoutes(services),
  seed: (em, cal) => seedTraining(em, cal),
});

// What other modules (and tests) may use from this one
export * from './certification.service';
export * from './training.types';
export * from './training.entity';
