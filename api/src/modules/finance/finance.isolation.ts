import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrderStatus, Role, rolesFor } from '@medchannel/shared-schema';
import { SeedDistributor, SeedUser, USERS } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';
import { expectedDistributors, foreignDistributors } from '../../../test/personas';
import { orderFor } from '../../../test/isolation/order-fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { firstDistributor } from '../../../test/isolation/fixtures';

/** Finance's operations: invoices, payments, aging, statements and their disputes, a rep's access. */

/** A few foreign distributors are enough to aim at: each costs fixtures. */
const someForeign = (user: SeedUser) => foreignDistributors(user).slice(0, 3);

async function entryFor(ds: DataSource, d: SeedDistributor, amount: string, on: string): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo)
     VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', $3, 'CNY', $4, $4, 'fixture', gen_random_uuid(), '矩阵') RETURNING id`,
    [d.brandId, d.id, amount, on],
  );
  return row.id;
}

/** An issued statement (one line) of a distributor, under a version of its own so fixtures never collide. */
async function statementOf(
  ds: DataSource,
  d: SeedDistributor,
  withDispute = false,
): Promise<{ id: string; lineId: string; disputeId?: string }> {
  const period = '2001-01';
  const entry = await entryFor(ds, d, '10.00', '2001-01-15');
  const [s] = await ds.query(
    `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(version), 0) + 1 FROM statement WHERE distributor_id = $2 AND period = $3), $4, 'CNY', '0.00', '10.00', '10.00', '0.00') RETURNING id`,
    [d.brandId, d.id, period, withDispute ? 'DISPUTED' : 'ISSUED'],
  );
  const [line] = await ds.query(
    `INSERT INTO statement_line (brand_id, statement_id, line_no, ledger_entry_id, occurred_on, kind, amount, memo) VALUES ($1, $2, 1, $3, '2001-01-15', 'SHIPMENT_RECEIVABLE', '10.00', '矩阵') RETURNING id`,
    [d.brandId, s.id, entry],
  );
  if (!withDispute) return { id: s.id, lineId: line.id };
  const owner =
    USERS.find((u) => u.distributorCode === d.code && u.role === Role.OWNER) ??
    USERS.find((u) => u.brandId === d.brandId)!;
  const [x] = await ds.query(
    `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by, status) VALUES ($1, $2, $3, '数量不符', $4, 'OPEN') RETURNING id`,
    [d.brandId, s.id, line.id, owner.id],
  );
  return { id: s.id, lineId: line.id, disputeId: x.id };
}

async function invoiceOf(ds: DataSource, d: SeedDistributor): Promise<string> {
  const creator = USERS.find((u) => u.brandId === d.brandId)!;
  const [row] = await ds.query(
    `INSERT INTO invoice (brand_id, distributor_id, number, issued_on, due_on, tax_rate, net_amount, tax_amount, gross_amount, currency, request_hash, created_by)
     VALUES ($1, $2, $3, CURRENT_DATE, CURRENT_DATE + 30, '0.13', '88.50', '11.50', '100.00', 'CNY', repeat('0', 64), $4) RETURNING id`,
    [d.brandId, d.id, `MX-INV-${randomUUID().slice(0, 12)}`, creator.id],
  );
  return row.id;
}

const STATEMENT_FIELDS = `id period version status openingBalance { amount } closingBalance { amount } debits { amount } credits { amount } confirmedAt
  distributor { id name } lines { id lineNo occurredOn kind memo amount { amount } dispute { id status comment } }
  disputes { id comment status resolution raisedBy { id displayName } resolvedBy { id displayName } attachments { id fileName url } } versions { id version status }`;
const INVOICE_FIELDS = `id number issuedOn dueOn taxRate status externalRef netAmount { amount } taxAmount { amount } grossAmount { amount } paidAmount { amount } distributor { id name }`;
const PAYMENT_FIELDS = `id receivedOn method externalRef note amount { amount } unallocated { amount } distributor { id name } invoices { id number }`;

const listed =
  (query: string) =>
  ({ user }: { user: SeedUser }) =>
    someForeign(user).map((d) => ({ query, variables: { d: d.id }, expect: 'LISTED' as const }));

/** An outbox event of a brand (a fixture). */
async function eventOf(ds: DataSource, brandId: string): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload) VALUES ($1, 'ORDER_PLACED', 'order', gen_random_uuid(), '{}') RETURNING id`,
    [brandId],
  );
  return row.id;
}

const otherBrand = (user: SeedUser) => USERS.find((u) => u.brandId !== user.brandId)!.brandId;

export const FINANCE_OPERATIONS: Record<string, OperationCase> = {
  webhookEndpoint: {
    allowed: rolesFor('erp.read'),
    own: () => ({ query: `{ webhookEndpoint { url enabled secret } }` }),
  },
  setWebhookEndpoint: {
    allowed: rolesFor('erp.configure'),
    // a port nothing listens on: deliveries fail fast and are only logged
    own: () => ({
      query: `mutation { setWebhookEndpoint(url: "http://127.0.0.1:9/matrix", rotateSecret: true) { url enabled secret } }`,
    }),
    mutates: true,
  },
  outboxEvents: {
    allowed: rolesFor('erp.read'),
    own: () => ({
      query: `{ outboxEvents(first: 20) { totalCount nodes { id type entity entityId reference attempts deliveredAt lastError nextAttemptAt createdAt } } }`,
    }),
  },
  webhookDeliveries: {
    allowed: rolesFor('erp.read'),
    own: () => ({
      query: `{ webhookDeliveries(first: 20) { totalCount nodes { id attempt url statusCode ok error durationMs createdAt event { id type } } } }`,
    }),
  },
  redeliverWebhookEvent: {
    allowed: rolesFor('erp.configure'),
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!) { redeliverWebhookEvent(eventId: $id) { id type deliveredAt } }`,
      variables: { id: await eventOf(ds, user.brandId) },
    }),
    foreign: async ({ user, ds }) => [
      {
        query: `mutation($id: ID!) { redeliverWebhookEvent(eventId: $id) { id } }`,
        variables: { id: await eventOf(ds, otherBrand(user)) },
      },
    ],
    mutates: true,
  },
  invoices: {
    allowed: rolesFor('finance.read'),
    own: () => ({ query: `{ invoices(first: 20) { totalCount nodes { ${INVOICE_FIELDS} } } }` }),
    foreign: listed(
      `query($d: ID) { invoices(first: 20, filter: { distributorId: $d }) { totalCount nodes { id number } } }`,
    ),
  },
  invoice: {
    allowed: rolesFor('finance.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`,
      variables: { id: await invoiceOf(ds, firstDistributor(user)) },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        someForeign(user).map(async (d) => ({
          query: `query($id: ID!) { invoice(id: $id) { id } }`,
          variables: { id: await invoiceOf(ds, d) },
        })),
      ),
  },
  uninvoicedShipments: {
    allowed: rolesFor('finance.keepAccounts'),
    own: ({ user }) => ({
      query: `query($d: ID!) { uninvoicedShipments(distributorId: $d) { id number amount { amount } items { quantity } } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID!) { uninvoicedShipments(distributorId: $d) { id } }`,
        variables: { d: d.id },
      })),
  },
  issueInvoice: {
    allowed: rolesFor('finance.keepAccounts'),
    own: async ({ user, ds }) => {
      const o = await orderFor(ds, user, OrderStatus.PARTIALLY_SHIPPED, 2);
      return {
        query: `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { ${INVOICE_FIELDS} } }`,
        variables: { i: { distributorId: firstDistributor(user).id, shipmentIds: [o.shipmentId], taxRate: '0.13' } },
      };
    },
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, shipmentIds: [randomUUID()], taxRate: '0.13' } },
      })),
    mutates: true,
  },
  payments: {
    allowed: rolesFor('finance.read'),
    own: () => ({ query: `{ payments(first: 20) { totalCount nodes { ${PAYMENT_FIELDS} } } }` }),
    foreign: listed(
      `query($d: ID) { payments(first: 20, filter: { distributorId: $d }) { totalCount nodes { id externalRef } } }`,
    ),
  },
  recordPayment: {
    allowed: rolesFor('finance.keepAccounts'),
    own: async ({ user, ds }) => {
      // allocated by hand to an open invoice where the account has one, so the ids inside the input are swept too
      const [open] = await ds.query(
        `SELECT i.id FROM invoice i WHERE i.distributor_id = $1
            AND i.gross_amount > 1 + COALESCE((SELECT SUM(a.amount) FROM payment_allocation a WHERE a.invoice_id = i.id), 0) LIMIT 1`,
        [firstDistributor(user).id],
      );
      return {
        query: `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${PAYMENT_FIELDS} } }`,
        variables: {
          i: {
            distributorId: firstDistributor(user).id,
            amount: '1.00',
            receivedOn: today(),
            method: 'BANK_TRANSFER',
            externalRef: `MX-${randomUUID()}`,
            ...(open ? { allocations: [{ invoiceId: open.id, amount: '1.00' }] } : {}),
          },
        },
      };
    },
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`,
        variables: {
          i: {
            distributorId: d.id,
            amount: '1.00',
            receivedOn: today(),
            method: 'CASH',
            externalRef: `MX-${randomUUID()}`,
          },
        },
      })),
    mutates: true,
  },
  receivablesAging: {
    allowed: rolesFor('finance.read'),
    own: () => ({
      query: `{ receivablesAging(first: 100) { totalCount pageInfo { hasNextPage endCursor } totals { total { amount } overdue { amount } } nodes { distributor { id name } days0to30 { amount } days31to60 { amount } days61to90 { amount } days90plus { amount } total { amount } overdue { amount } } } }`,
    }),
    foreign: listed(
      `query($d: ID) { receivablesAging(filter: { distributorId: $d }) { totalCount nodes { distributor { id name } total { amount } } } }`,
    ),
  },
  receivablesAgingByRegion: {
    allowed: rolesFor('finance.readRegions'),
    own: () => ({
      query: `{ receivablesAgingByRegion { region { id name } days0to30 { amount } days31to60 { amount } days61to90 { amount } days90plus { amount } total { amount } overdue { amount } } }`,
    }),
  },
  collectionPlan: {
    allowed: rolesFor('finance.read'),
    own: () => ({
      query: `query($to: LocalDate!) { collectionPlan(to: $to) { entryId dueOn overdue outstanding { amount } distributor { id name } } }`,
      variables: { to: addDays(today(), 90) },
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID, $to: LocalDate!) { collectionPlan(to: $to, filter: { distributorId: $d }) { entryId distributor { id } } }`,
        variables: { d: d.id, to: addDays(today(), 90) },
        expect: 'LISTED' as const,
      })),
  },
  accountSummary: {
    allowed: rolesFor('finance.read'),
    own: ({ user }) => ({
      query: `query($d: ID) { accountSummary(distributorId: $d) { balance { amount } paymentTermsDays openCount overdue { amount } overdueCount nextDue { entryId distributor { id } } open { entryId dueOn overdue outstanding { amount } } } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID) { accountSummary(distributorId: $d) { balance { amount } } }`,
        variables: { d: d.id },
      })),
  },
  statements: {
    allowed: rolesFor('finance.read'),
    own: () => ({ query: `{ statements(first: 10) { totalCount nodes { ${STATEMENT_FIELDS} } } }` }),
    foreign: listed(
      `query($d: ID) { statements(first: 20, filter: { distributorId: $d }) { totalCount nodes { id } } }`,
    ),
  },
  statement: {
    allowed: rolesFor('finance.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { statement(id: $id) { ${STATEMENT_FIELDS} } }`,
      variables: { id: (await statementOf(ds, firstDistributor(user), true)).id },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        someForeign(user).map(async (d) => ({
          query: `query($id: ID!) { statement(id: $id) { id } }`,
          variables: { id: (await statementOf(ds, d)).id },
        })),
      ),
  },
  generateStatement: {
    allowed: rolesFor('finance.keepAccounts'),
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      // a month this distributor has no statement for yet, so that the call issues one
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM statement WHERE distributor_id = $1 AND period < '2000-01'`,
        [d.id],
      );
      const period = `19${String(10 + Math.floor(n / 12)).padStart(2, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
      return {
        query: `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { ${STATEMENT_FIELDS} } }`,
        variables: { d: d.id, p: period },
      };
    },
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `mutation($d: ID!) { generateStatement(distributorId: $d, period: "2001-02") { id } }`,
        variables: { d: d.id },
      })),
    mutates: true,
  },
  confirmStatement: {
    allowed: rolesFor('statement.answer'),
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!) { confirmStatement(id: $id) { ${STATEMENT_FIELDS} } }`,
      variables: { id: (await statementOf(ds, firstDistributor(user))).id },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        someForeign(user).map(async (d) => ({
          query: `mutation($id: ID!) { confirmStatement(id: $id) { id } }`,
          variables: { id: (await statementOf(ds, d)).id },
        })),
      ),
    mutates: true,
  },
  disputeStatement: {
    allowed: rolesFor('statement.answer'),
    own: async ({ user, ds }) => {
      const s = await statementOf(ds, firstDistributor(user));
      return {
        query: `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { ${STATEMENT_FIELDS} } }`,
        variables: { i: { statementId: s.id, lines: [{ lineId: s.lineId, comment: '矩阵争议' }] } },
      };
    },
    foreign: async ({ user, ds }) =>
      Promise.all(
        someForeign(user).map(async (d) => {
          const s = await statementOf(ds, d);
          return {
            query: `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { id } }`,
            variables: { i: { statementId: s.id, lines: [{ lineId: s.lineId, comment: '越界' }] } },
          };
        }),
      ),
    mutates: true,
  },
  resolveStatementDispute: {
    allowed: rolesFor('finance.keepAccounts'),
    own: async ({ user, ds }) => {
      const s = await statementOf(ds, firstDistributor(user), true);
      return {
        query: `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { ${STATEMENT_FIELDS} } }`,
        variables: { i: { disputeId: s.disputeId, resolution: '核对无误，维持原账' } },
      };
    },
    foreign: async ({ user, ds }) =>
      Promise.all(
        someForeign(user).map(async (d) => {
          const s = await statementOf(ds, d, true);
          return {
            query: `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id } }`,
            variables: { i: { disputeId: s.disputeId, adjustment: '-1.00', resolution: '越界' } },
          };
        }),
      ),
    mutates: true,
  },
  statementDisputes: {
    allowed: rolesFor('statement.listDisputes'),
    own: () => ({
      query: `{ statementDisputes(first: 20) { totalCount nodes { id comment status statement { id period distributor { id name } } line { id memo amount { amount } } raisedBy { id displayName } } } }`,
    }),
  },
  setFinanceAccess: {
    allowed: rolesFor('user.grantFinanceAccess'),
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      // a rep of the owner's own other than the matrix's rep persona, whose access stays as seeded
      const [rep] = await ds.query(
        `SELECT id, finance_access FROM app_user WHERE distributor_id = $1 AND role = 'REP' AND email <> 'li.rep@kangda.demo' ORDER BY email LIMIT 1`,
        [d.id],
      );
      const target =
        rep ??
        USERS.find((u) => u.role === Role.REP && u.brandId === user.brandId && u.email !== 'li.rep@kangda.demo')!;
      return {
        query: `mutation($u: ID!, $a: Boolean!) { setFinanceAccess(userId: $u, allowed: $a) { id financeAccess } }`,
        variables: { u: target.id, a: !rep?.finance_access },
      };
    },
    foreign: ({ user }) =>
      USERS.filter(
        (u) => u.role === Role.REP && !expectedDistributors(user).some((d) => d.code === u.distributorCode),
      ).map((u) => ({
        query: `mutation($u: ID!) { setFinanceAccess(userId: $u, allowed: true) { id } }`,
        variables: { u: u.id },
      })),
    mutates: true,
  },
};
