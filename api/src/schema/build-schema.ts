import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { ArgumentValidationError, buildSchema } from 'type-graphql';
import { ValidationError, ValidatorOptions, validateOrReject } from 'class-validator';
import { authChecker } from '../auth/auth-checker';
import { AuthResolver } from '../auth/auth.resolver';
import { DistributorResolver } from '../modules/distributor/distributor.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { UserResolver } from '../modules/user/user.resolver';
import { PriceListEntryResolver, ProductResolver } from '../modules/product/product.resolver';
import { HospitalResolver } from '../modules/hospital/hospital.resolver';
import { QualificationResolver } from '../modules/qualification/qualification.resolver';
import { AuthorizationResolver } from '../modules/authorization/authorization.resolver';
import { ComplianceResolver } from '../modules/compliance/compliance.resolver';
import { IntelResolver } from '../modules/hospital/intel.resolver';
import { AssessmentResolver } from '../modules/distributor/assessment.resolver';
import { ImportResolver } from '../modules/import/import.resolver';
import { OrderResolver } from '../modules/order/order.resolver';
import {
  OrderEventResolver,
  OrderLineResolver,
  OrderPriceAdjustmentResolver,
  ShipmentItemResolver,
  ShipmentResolver,
} from '../modules/order/order-parts.resolver';
import { NotificationResolver } from '../modules/notification/notification.resolver';
import { AccountResolver, AccountSummaryResolver, InvoiceResolver, PaymentResolver, StatementResolver } from '../modules/finance/finance.resolver';
import { OutboxResolver } from '../modules/outbox/outbox.resolver';
import { TrainingResolver } from '../modules/training/training.resolver';
import {
  CertificateFieldsResolver,
  CertifiedLineFieldsResolver,
  CourseAssignmentFieldsResolver,
  CourseFieldsResolver,
  CourseVersionFieldsResolver,
  EnrollmentFieldsResolver,
  MaterialFieldsResolver,
  OptionFieldsResolver,
  ReadinessFieldsResolver,
} from '../modules/training/training-parts.resolver';
import { StatementDetailResolver, StatementDisputeResolver, StatementLineResolver } from '../modules/finance/statement-parts.resolver';
import { CoVisitParticipantResolver, CoVisitResolver, CoVisitSlotResolver } from '../modules/visit/co-visit.resolver';
import { VisitNoteResolver } from '../modules/visit/visit-note.resolver';
import {
  HospitalVisitNotesResolver, VisitAttachmentResolver, VisitCommentResolver, VisitCommitmentResolver, VisitTaskResolver,
} from '../modules/visit/visit-parts.resolver';

export const resolvers = [
  AuthResolver,
  UserResolver,
  RegionResolver,
  DistributorResolver,
  ProductResolver,
  PriceListEntryResolver,
  HospitalResolver,
  QualificationResolver,
  AuthorizationResolver,
  ComplianceResolver,
  IntelResolver,
  AssessmentResolver,
  ImportResolver,
  OrderResolver,
  OrderLineResolver,
  OrderPriceAdjustmentResolver,
  OrderEventResolver,
  ShipmentResolver,
  ShipmentItemResolver,
  NotificationResolver,
  InvoiceResolver,
  PaymentResolver,
  AccountResolver,
  AccountSummaryResolver,
  StatementResolver,
  StatementDetailResolver,
  StatementLineResolver,
  StatementDisputeResolver,
  OutboxResolver,
  TrainingResolver,
  CourseFieldsResolver,
  CourseVersionFieldsResolver,
  MaterialFieldsResolver,
  OptionFieldsResolver,
  EnrollmentFieldsResolver,
  CertificateFieldsResolver,
  CourseAssignmentFieldsResolver,
  ReadinessFieldsResolver,
  CertifiedLineFieldsResolver,
  CoVisitResolver,
  CoVisitSlotResolver,
  CoVisitParticipantResolver,
  VisitNoteResolver,
  VisitTaskResolver,
  VisitCommitmentResolver,
  VisitCommentResolver,
  VisitAttachmentResolver,
  HospitalVisitNotesResolver,
] as const;

const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * What type-graphql's own argument validation does (class-validator on input objects and args
 * classes; missing properties skipped, unknown values allowed; failures as ArgumentValidationError,
 * which errors.ts reports as BAD_USER_INPUT), with class-validator imported once: type-graphql's
 * imports it dynamically on every argument of every request (a visible share of a cheap request).
 */
async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
}

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validateFn: validateArgument,
  });
}

/** The committed contract: sorted so that a diff shows what moved, not where. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
