import DataLoader from 'dataloader';
import type { Scope } from '../auth/scope';
import { Brand } from '../modules/brand/brand.entity';
import { Distributor } from '../modules/distributor/distributor.entity';
import { Region } from '../modules/region/region.entity';
import { User } from '../modules/user/user.entity';
import { PriceListEntry, Product, ProductLine } from '../modules/product/product.entity';
import { Hospital, HospitalContact, HospitalDepartment } from '../modules/hospital/hospital.entity';
import { DistributorStageChange } from '../modules/distributor/distributor.entity';
import { Qualification } from '../modules/qualification/qualification.entity';
import { AuthorizationGrant } from '../modules/authorization/authorization.entity';
import { HospitalNote, HospitalServingReport } from '../modules/hospital/intel.entity';
import { DistributorAssessment } from '../modules/distributor/assessment.entity';
import { OrderEvent, OrderLine, OrderPriceAdjustment } from '../modules/order/order.entity';
import { Shipment, ShipmentItem } from '../modules/order/shipment.entity';
import { Invoice, PaymentAllocation, Statement, StatementDispute, StatementLine } from '../modules/finance/finance.entity';
import { OutboxEvent } from '../modules/outbox/outbox.entity';
import { Certificate, Course, CourseAssignment, CourseFile, CourseVersion, Enrollment, QuizAttempt } from '../modules/training/training.entity';
import type { Services } from './services';
import { createVisitLoaders } from '../modules/visit/visit.loaders';

/** Batches by id; a key the scope hides resolves to null, exactly like one that does not exist. */
export function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * Regions by id; each batch also reads the provinces above the cities asked for and keeps them in
 * the loader, so `region { parent { … } }` costs one statement, not one per level.
 */
function regionsWithParents(services: Services, scope: Scope) {
  const loader: DataLoader<string, Region | null> = new DataLoader(async (ids) => {
    const rows = await services.regions.byIdsWithParents(scope, ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) loader.prime(row.id, row);
    return ids.map((id) => found.get(id) ?? null);
  });
  return loader;
}

/** Batches one-to-many by a parent key. */
export function groupedBy<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string | null) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await fetch(keys)) {
      const key = keyOf(row);
      if (key !== null) groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Created per request inside the viewer's scope, so a cache never crosses viewers. */
export function createLoaders(services: Services, scope: Scope) {
  return {
    brandById: byId<Brand>((ids) => services.brands.byIds(scope, ids)),
    regionById: regionsWithParents(services, scope),
    regionsByUserId: groupedBy<Region & { userId: string }>((ids) => services.regions.byUserIds(scope, ids), (r) => r.userId),
    userById: byId<User>((ids) => services.users.byIds(scope, ids)),
    distributorById: byId<Distributor>((ids) => services.distributors.byIds(scope, ids)),
    secondTierByParentId: groupedBy<Distributor>((ids) => services.distributors.byParentIds(scope, ids), (d) => d.parentId),
    productById: byId<Product>((ids) => services.products.byIds(scope, ids)),
    productLineById: byId<ProductLine>((ids) => services.products.linesByIds(scope, ids)),
    priceEntriesByProductId: groupedBy<PriceListEntry>((ids) => services.products.priceEntriesByProductIds(scope, ids), (e) => e.productId),
    hospitalById: byId<Hospital>((ids) => services.hospitals.byIds(scope, ids)),
    departmentsByHospitalId: groupedBy<HospitalDepartment>((ids) => services.hospitals.departmentsByHospitalIds(scope, ids), (d) => d.hospitalId),
    contactsByHospitalId: groupedBy<HospitalContact>((ids) => services.hospitals.contactsByHospitalIds(scope, ids), (c) => c.hospitalId),
    servingDistributorIdsByHospitalId: new DataLoader<string, string[]>(async (ids) => {
      const rows = await services.authorizations.servingDistributorIds(scope, ids);
      return ids.map((id) => rows.filter((r) => r.hospitalId === id).map((r) => r.distributorId));
    }),
    stageHistoryByDistributorId: groupedBy<DistributorStageChange>((ids) => services.distributors.stageHistory(scope, ids), (c) => c.distributorId),
    qualificationsByDistributorId: groupedBy<Qualification>((ids) => services.qualifications.byDistributorIds(scope, ids), (q) => q.distributorId),
    authorizationsByDistributorId: groupedBy<AuthorizationGrant>((ids) => services.authorizations.byDistributorIds(scope, ids), (g) => g.distributorId),
    notesByHospitalId: groupedBy<HospitalNote>((ids) => services.intel.notesByHospitalIds(scope, ids), (n) => n.hospitalId),
    servingReportsByHospitalId: groupedBy<HospitalServingReport>((ids) => services.intel.servingReportsByHospitalIds(scope, ids), (r) => r.hospitalId),
    linesByOrderId: groupedBy<OrderLine>((ids) => services.orders.linesByOrderIds(scope, ids), (l) => l.orderId),
    orderLineById: byId<OrderLine>((ids) => services.orders.linesByIds(scope, ids)),
    eventsByOrderId: groupedBy<OrderEvent>((ids) => services.orders.eventsByOrderIds(scope, ids), (e) => e.orderId),
    adjustmentsByLineId: groupedBy<OrderPriceAdjustment>((ids) => services.orders.adjustmentsByLineIds(scope, ids), (a) => a.orderLineId),
    shipmentsByOrderId: groupedBy<Shipment>((ids) => services.shipments.byOrderIds(scope, ids), (s) => s.orderId),
    itemsByShipmentId: groupedBy<ShipmentItem>((ids) => services.shipments.itemsByShipmentIds(scope, ids), (i) => i.shipmentId),
    shippedQuantityByLineId: new DataLoader<string, number>(async (ids) => {
      const shipped = await services.shipments.shippedByLineIds(scope, ids);
      return ids.map((id) => shipped.get(id) ?? 0);
    }),
    invoiceById: byId<Invoice>((ids) => services.invoices.byIds(scope, ids)),
    paidByInvoiceId: new DataLoader<string, string>(async (ids) => {
      const paid = await services.invoices.paidByInvoiceIds(scope, ids);
      return ids.map((id) => paid.get(id) ?? '0.00');
    }),
    allocationsByPaymentId: groupedBy<PaymentAllocation>((ids) => services.payments.allocationsByPaymentIds(scope, ids), (a) => a.paymentId),
    statementById: byId<Statement>((ids) => services.statements.byIds(scope, ids)),
    statementLinesByStatementId: groupedBy<StatementLine>((ids) => services.statements.linesByStatementIds(scope, ids), (l) => l.statementId),
    disputesByStatementId: groupedBy<StatementDispute>((ids) => services.statements.disputesByStatementIds(scope, ids), (d) => d.statementId),
    statementVersionsByMonth: groupedBy<Statement>((keys) => services.statements.versionsOf(scope, keys), (s) => `${s.distributorId}|${s.period}`),
    outboxEventById: byId<OutboxEvent>((ids) => services.outbox.eventsByIds(scope, ids)),
    assessmentsByDistributorId: groupedBy<DistributorAssessment>((ids) => services.assessments.byDistributorIds(scope, ids), (a) => a.distributorId),
    courseById: byId<Course>((ids) => services.courses.byIds(scope, ids)),
    courseVersionById: byId<CourseVersion>((ids) => services.courses.versionsByIds(scope, ids)),
    versionsByCourseId: groupedBy<CourseVersion>((ids) => services.courses.versionsByCourseIds(scope, ids), (v) => v.courseId),
    courseFileById: byId<CourseFile>((ids) => services.courses.filesByIds(scope, ids)),
    filesByCourseId: groupedBy<CourseFile>((ids) => services.courses.filesByCourseIds(scope, ids), (f) => f.courseId),
    assignmentsByCourseId: groupedBy<CourseAssignment>((ids) => services.assignments.listForCourse(scope, ids), (a) => a.courseId),
    myEnrollmentsByCourseId: groupedBy<Enrollment>((ids) => services.learning.mineByCourseIds(scope, ids), (e) => e.courseId),
    attemptsByEnrollmentId: groupedBy<QuizAttempt>((ids) => services.learning.attemptsByEnrollmentIds(scope, ids), (a) => a.enrollmentId),
    certificatesByUserId: groupedBy<Certificate>((ids) => services.certifications.byUserIds(scope, ids), (c) => c.userId),
    ...createVisitLoaders(services, scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
