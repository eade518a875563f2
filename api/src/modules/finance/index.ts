import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { seedFinance } from '../../db/seed/finance-data';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { BrandServices } from '../brand';
import type { DistributorServices } from '../distributor';
import type { LedgerServices } from '../ledger';
import type { NotificationServices } from '../notification';
import type { OutboxServices } from '../outbox';
import { AccountService } from './account.service';
import { AccountCredit } from './account-credit.entity';
import { AccountCreditResolver } from './account-credit.resolver';
import { AccountCreditService } from './account-credit.service';
import { AccountCredits1768700000100 } from './1768700000100-AccountCredits';
import { DisputeAttachments1769300000000 } from './1769300000000-DisputeAttachments';
import { DisputeAttachmentService } from './dispute-attachment.service';
import { DisputeAttachmentResolver, DisputeEvidenceResolver } from './dispute-attachment.resolver';
import {
  DisputeAttachment,
  Invoice,
  InvoiceShipment,
  Payment,
  PaymentAllocation,
  Statement,
  StatementDispute,
  StatementLine,
} from './finance.entity';
import {
  AccountResolver,
  AccountSummaryResolver,
  InvoiceResolver,
  PaymentResolver,
  StatementResolver,
} from './finance.resolver';
import { financeRoutes } from './finance.routes';
import { InvoiceService } from './invoice.service';
import { PaymentService } from './payment.service';
import { StatementDetailResolver, StatementDisputeResolver, StatementLineResolver } from './statement-parts.resolver';
import { StatementReviewService } from './statement-review.service';
import { StatementService } from './statement.service';

type Deps = BrandServices & DistributorServices & LedgerServices & NotificationServices & OutboxServices;

function financeServices({ ds, storage }: ModuleCore, d: Deps) {
  const statements = new StatementService(ds, d.distributors, d.notifications);
  return {
    invoices: new InvoiceService(ds, d.distributors, d.outbox),
    payments: new PaymentService(ds, d.distributors, d.ledger, d.outbox),
    statements,
    statementReview: new StatementReviewService(ds, statements, d.ledger, d.outbox, d.notifications),
    disputeAttachments: new DisputeAttachmentService(ds, storage, statements),
    accounts: new AccountService(ds),
    accountCredits: new AccountCreditService(ds, d.distributors, d.ledger),
  };
}
export type FinanceServices = ReturnType<typeof financeServices>;
/** What the statement download routes use. */
export type FinanceRouteServices = FinanceServices & Deps & CoreServices;

function financeLoaders(services: FinanceServices, scope: Scope) {
  return {
    invoiceById: byId<Invoice>((ids) => services.invoices.byIds(scope, ids)),
    paidByInvoiceId: new DataLoader<string, string>(async (ids) => {
      const paid = await services.invoices.paidByInvoiceIds(scope, ids);
      return ids.map((id) => paid.get(id) ?? '0.00');
    }),
    allocationsByPaymentId: groupedBy<PaymentAllocation>(
      (ids) => services.payments.allocationsByPaymentIds(scope, ids),
      (a) => a.paymentId,
    ),
    statementById: byId<Statement>((ids) => services.statements.byIds(scope, ids)),
    statementLinesByStatementId: groupedBy<StatementLine>(
      (ids) => services.statements.linesByStatementIds(scope, ids),
      (l) => l.statementId,
    ),
    statementLineById: byId<StatementLine>((ids) => services.statements.linesByIds(scope, ids)),
    disputesByStatementId: groupedBy<StatementDispute>(
      (ids) => services.statements.disputesByStatementIds(scope, ids),
      (d) => d.statementId,
    ),
    attachmentsByDisputeId: groupedBy<DisputeAttachment>(
      (ids) => services.disputeAttachments.byDisputeIds(scope, ids),
      (a) => a.disputeId,
    ),
    statementVersionsByMonth: groupedBy<Statement>(
      (keys) => services.statements.versionsOf(scope, keys),
      (s) => `${s.distributorId}|${s.period}`,
    ),
  };
}

export const financeModule = defineModule({
  name: 'finance',
  entities: () => [
    Invoice,
    InvoiceShipment,
    Payment,
    PaymentAllocation,
    Statement,
    StatementLine,
    StatementDispute,
    DisputeAttachment,
    AccountCredit,
  ],
  migrations: () => [AccountCredits1768700000100, DisputeAttachments1769300000000],
  services: financeServices,
  loaders: financeLoaders,
  resolvers: () => [
    InvoiceResolver,
    PaymentResolver,
    AccountResolver,
    AccountSummaryResolver,
    StatementResolver,
    StatementDetailResolver,
    StatementLineResolver,
    StatementDisputeResolver,
    DisputeEvidenceResolver,
    DisputeAttachmentResolver,
    AccountCreditResolver,
  ],
  routes: (services) => financeRoutes(services),
  seed: (em, cal) => seedFinance(em, cal),
});

// What other modules (and tests) may use from this one
export * from './invoice.service';
export * from './payment.service';
export { issueStatement } from './statement-issue';
export { AccountCredit } from './account-credit.entity';
