import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { SessionService } from '../auth/session.service';
import { BrandService } from '../modules/brand/brand.service';
import { DistributorService } from '../modules/distributor/distributor.service';
import { RegionService } from '../modules/region/region.service';
import { UserService } from '../modules/user/user.service';
import { ProductService } from '../modules/product/product.service';
import { HospitalService } from '../modules/hospital/hospital.service';
import { QualificationService } from '../modules/qualification/qualification.service';
import { ComplianceService } from '../modules/compliance/compliance.service';
import { AuthorizationService } from '../modules/authorization/authorization.service';
import { LocalDiskStorage } from '../common/storage';
import { QualificationPackService } from '../modules/qualification/qualification-pack';
import { AssessmentService } from '../modules/distributor/assessment.service';
import { IntelService } from '../modules/hospital/intel.service';
import { ImportService } from '../modules/import/import.service';
import { LedgerService } from '../modules/ledger/ledger.service';
import { NotificationService } from '../modules/notification/notification.service';
import { OrderService } from '../modules/order/order.service';
import { OrderDeskService } from '../modules/order/order-desk.service';
import { ShipmentService } from '../modules/order/shipment.service';
import { CatalogService } from '../modules/order/catalog.service';
import { InvoiceService } from '../modules/finance/invoice.service';
import { PaymentService } from '../modules/finance/payment.service';
import { StatementService } from '../modules/finance/statement.service';
import { AccountService } from '../modules/finance/account.service';
import { targetPolicy } from '../modules/outbox/webhook-target';
import { OutboxService } from '../modules/outbox/outbox.service';
import { CourseService } from '../modules/training/course.service';
import { LearningService } from '../modules/training/learning.service';
import { AssignmentService } from '../modules/training/assignment.service';
import { CertificationService } from '../modules/training/certification.service';
import { TrainingReportService } from '../modules/training/training-report.service';
import { CoVisitService } from '../modules/visit/co-visit.service';
import { VisitNoteService } from '../modules/visit/visit-note.service';
import { CommitmentService } from '../modules/visit/commitment.service';
import { VisitAttachmentService } from '../modules/visit/visit-attachment.service';

/** One instance of each service per app; they hold no request state (the scope is an argument). */
export function createServices(ds: DataSource, config: Config) {
  const distributors = new DistributorService(ds);
  const products = new ProductService(ds);
  const compliance = new ComplianceService(ds, distributors, products);
  const storage = new LocalDiskStorage(config.filesDir);
  const qualifications = new QualificationService(ds, storage);
  const authorizations = new AuthorizationService(ds, config, compliance);
  const hospitals = new HospitalService(ds);
  const ledger = new LedgerService(ds);
  const notifications = new NotificationService(ds);
  const outbox = new OutboxService(ds, targetPolicy(config));
  const certifications = new CertificationService(ds);
  const courses = new CourseService(ds, storage);
  const orders = new OrderService(ds, distributors, products, hospitals, compliance, ledger, outbox, certifications);
  const orderDesk = new OrderDeskService(ds, orders, notifications, outbox);
  const invoices = new InvoiceService(ds, distributors, outbox);
  const payments = new PaymentService(ds, distributors, ledger, outbox);
  return {
    sessions: new SessionService(ds, config),
    brands: new BrandService(ds),
    regions: new RegionService(ds),
    users: new UserService(ds),
    distributors,
    products,
    hospitals,
    intel: new IntelService(ds),
    assessments: new AssessmentService(ds),
    qualifications,
    compliance,
    authorizations,
    qualificationPacks: new QualificationPackService(ds, distributors, qualifications, authorizations),
    ledger,
    notifications,
    orders,
    orderDesk,
    shipments: new ShipmentService(ds, orders, orderDesk, compliance, ledger, notifications, outbox),
    catalog: new CatalogService(ds, orders, products, hospitals, certifications),
    invoices,
    payments,
    imports: new ImportService(ds, payments, invoices),
    statements: new StatementService(ds, distributors, ledger, outbox, notifications),
    accounts: new AccountService(ds),
    outbox,
    courses,
    learning: new LearningService(ds, courses),
    assignments: new AssignmentService(ds, courses, notifications),
    certifications,
    trainingReports: new TrainingReportService(ds),
    coVisits: new CoVisitService(ds, notifications),
    visitNotes: new VisitNoteService(ds, notifications),
    commitments: new CommitmentService(ds, notifications),
    visitAttachments: new VisitAttachmentService(ds, storage),
  };
}

export type Services = ReturnType<typeof createServices>;
