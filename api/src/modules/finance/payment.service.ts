import { DataSource, EntityManager } from 'typeorm';
import { LedgerEntryKind, OutboxEventType } from '@medchannel/shared-schema';
import { visibleIds } from '../../auth/scoped-ids';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { badInput, notFound } from '../../common/errors';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import { Page, PageArgs, paginate } from '../../common/pagination';
import type { Distributor } from '../distributor';
import type { DistributorService } from '../distributor';
import type { LedgerService } from '../ledger';
import type { OutboxService } from '../outbox';
import { Invoice, Payment, PaymentAllocation } from './finance.entity';
import { AccountFilter, RecordPaymentInput } from './finance.inputs';
import { lockAccount } from './invoice.service';
import { filterAccounts } from './account-filter';

/**
 * A payment's key is the bank's reference on its account: a replay is on the same account, and a
 * reference used on another account is none of this one's business.
 */
const paymentWrite = (scope: Scope, input: RecordPaymentInput): IdempotentWrite<Payment> => ({
  // what makes two recordings of one reference the same payment
  hash: fingerprint({
    d: input.distributorId,
    a: new Decimal(input.amount).toFixed(2),
    on: input.receivedOn,
    m: input.method,
    al: input.allocations ?? null,
  }),
  constraint: 'payment_external_ref',
  earlier: (em) =>
    em.findOne(Payment, {
      where: { brandId: scope.brandId, distributorId: input.distributorId, externalRef: input.externalRef },
    }),
  reused: (earlier) =>
    keyReused(`Reference ${earlier.externalRef} was already recorded with different contents`, 'externalRef'),
});

/**
 * 回款: a payment reduces what the distributor owes (a PAYMENT ledger entry) and is allocated to
 * invoices, by hand or oldest first. The bank's reference makes recording it again a no-op; the
 * account lock keeps allocations exact when many payments arrive at once.
 */
export class PaymentService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Payment).createQueryBuilder('p'), scope, 'finance');
  }

  list(scope: Scope, page: PageArgs, filter: AccountFilter = {}): Promise<Page<Payment>> {
    const qb = this.scoped(scope);
    filterAccounts(qb, 'p.distributor_id', filter);
    return paginate(
      qb,
      page,
      [
        { column: 'p.received_on', value: (p) => p.receivedOn },
        { column: 'p.id', value: (p) => p.id },
      ],
      'DESC',
    );
  }

  allocationsByPaymentIds(scope: Scope, ids: readonly string[]): Promise<PaymentAllocation[]> {
    const visible = this.scoped(scope).select('p.id');
    return this.ds
      .getRepository(PaymentAllocation)
      .createQueryBuilder('a')
      .where('a.payment_id = ANY(:ids)', { ids })
      .andWhere(`a.payment_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  async record(scope: Scope, input: RecordPaymentInput): Promise<Payment> {
    // the same reference arriving twice at once: the other one wins, and this one answers it
    return this.get(
      scope,
      await idempotent(this.ds, paymentWrite(scope, input), (em) => this.recordIn(em, scope, input)),
    );
  }

  /** Records a payment inside the caller's transaction (an import writes many in one); answers its id, the earlier one's on a replay. */
  async recordIn(em: EntityManager, scope: Scope, input: RecordPaymentInput): Promise<string> {
    const amount = new Decimal(input.amount);
    if (amount.lte(0)) throw badInput('amount', 'A payment is more than zero');
    if (input.receivedOn > today()) throw badInput('receivedOn', 'A payment cannot be received in the future');
    const write = paymentWrite(scope, input);
    const [distributor] = await this.distributors.byIds(scope, [input.distributorId], em);
    if (!distributor) throw notFound('Distributor');
    // invoices named by hand are read through the viewer's scope first: another account's answers like none
    if (input.allocations?.length)
      await visibleIds(
        em,
        scope,
        'invoice',
        input.allocations.map((x) => x.invoiceId),
        'allocations',
      );
    await lockAccount(em, distributor.id);
    return replayOrInsert(em, write, () => this.insert(em, scope, input, distributor, write.hash));
  }

  private async insert(
    em: EntityManager,
    scope: Scope,
    input: RecordPaymentInput,
    distributor: Distributor,
    hash: string,
  ): Promise<string> {
    const amount = new Decimal(input.amount);
    const payment = await em.save(
      em.create(Payment, {
        brandId: scope.brandId,
        distributorId: distributor.id,
        amount: amount.toFixed(2),
        currency: 'CNY',
        receivedOn: input.receivedOn,
        method: input.method,
        externalRef: input.externalRef,
        requestHash: hash,
        note: input.note?.trim() || null,
        createdBy: scope.userId,
      }),
    );
    const allocations = await this.allocate(em, payment, input.allocations ?? null);
    await this.ledger.append(em, {
      brandId: scope.brandId,
      distributorId: distributor.id,
      kind: LedgerEntryKind.PAYMENT,
      amount: amount.negated().toFixed(2),
      currency: 'CNY',
      occurredOn: input.receivedOn,
      sourceType: 'payment',
      sourceId: payment.id,
      memo: input.externalRef,
      createdBy: scope.userId,
    });
    await audit(em, scope, 'RECORD_PAYMENT', 'payment', payment.id, {
      distributorId: distributor.id,
      amount: payment.amount,
      externalRef: input.externalRef,
      allocations,
    });
    await this.outbox.emit(em, scope.brandId, OutboxEventType.PAYMENT_RECORDED, 'payment', payment.id, {
      distributorCode: distributor.code,
      amount: payment.amount,
      currency: payment.currency,
      receivedOn: payment.receivedOn,
      method: payment.method,
      externalRef: payment.externalRef,
      allocations,
    });
    return payment.id;
  }

  async get(scope: Scope, id: string): Promise<Payment> {
    const found = await this.scoped(scope).andWhere('p.id = :id', { id }).getOne();
    if (!found) throw notFound('Payment');
    return found;
  }

  /** Open invoices of the distributor, oldest due first, with what is still unpaid of each. */
  private async openInvoices(
    em: EntityManager,
    distributorId: string,
  ): Promise<Array<{ invoice: Invoice; open: Decimal }>> {
    const invoices = await em
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where('i.distributor_id = :d', { d: distributorId })
      .orderBy('i.due_on')
      .addOrderBy('i.issued_on')
      .addOrderBy('i.number')
      .getMany();
    if (!invoices.length) return [];
    const paid: Array<{ invoice_id: string; paid: string }> = await em.query(
      `SELECT invoice_id, SUM(amount)::text AS paid FROM payment_allocation WHERE invoice_id = ANY($1) GROUP BY invoice_id`,
      [invoices.map((i) => i.id)],
    );
    const paidBy = new Map(paid.map((p) => [p.invoice_id, new Decimal(p.paid)]));
    return invoices
      .map((invoice) => ({ invoice, open: new Decimal(invoice.grossAmount).minus(paidBy.get(invoice.id) ?? 0) }))
      .filter((x) => x.open.gt(0));
  }

  /** By hand (each within what is open, all within the payment) or oldest first; what is left stays unallocated credit. */
  private async allocate(
    em: EntityManager,
    payment: Payment,
    byHand: Array<{ invoiceId: string; amount: string }> | null,
  ): Promise<Array<{ invoiceId: string; amount: string }>> {
    const open = await this.openInvoices(em, payment.distributorId);
    const planned: Array<{ invoiceId: string; amount: string }> = [];
    if (byHand) {
      let total = new Decimal(0);
      byHand.forEach((a, i) => {
        const target = open.find((o) => o.invoice.id === a.invoiceId);
        const amount = new Decimal(a.amount);
        if (!target) throw badInput(`allocations.${i}.invoiceId`, 'Not an open invoice of this distributor');
        if (amount.lte(0) || amount.gt(target.open))
          throw badInput(`allocations.${i}.amount`, `Between 0 and the ${target.open.toFixed(2)} still open`);
        total = total.plus(amount);
        planned.push({ invoiceId: a.invoiceId, amount: amount.toFixed(2) });
      });
      if (total.gt(payment.amount)) throw badInput('allocations', 'The allocations add up to more than the payment');
    } else {
      let left = new Decimal(payment.amount);
      for (const o of open) {
        if (left.lte(0)) break;
        const amount = Decimal.min(left, o.open);
        planned.push({ invoiceId: o.invoice.id, amount: amount.toFixed(2) });
        left = left.minus(amount);
      }
    }
    if (planned.length) {
      await em.insert(
        PaymentAllocation,
        planned.map((p) => ({
          brandId: payment.brandId,
          paymentId: payment.id,
          invoiceId: p.invoiceId,
          amount: p.amount,
        })),
      );
    }
    return planned;
  }
}
