import { DataSource, EntityManager } from 'typeorm';
import { OutboxEventType } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import {
  IdempotentWrite,
  fingerprint,
  idempotent,
  isUniqueViolation,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { addDays, today } from '../../common/dates';
import { Page, PageArgs, paginate } from '../../common/pagination';
import type { Distributor } from '../distributor';
import type { DistributorService } from '../distributor';
import type { OutboxService } from '../outbox';
import { Shipment } from '../order';
import { Invoice, InvoiceShipment, PaymentAllocation } from './finance.entity';
import { AccountFilter, IssueInvoiceInput } from './finance.inputs';
import { lockAccount } from '../ledger';
import { filterAccounts } from './account-filter';

/** An invoice's key is the ERP's reference on its account (an invoice without one is issued every time). */
const invoiceWrite = (scope: Scope, input: IssueInvoiceInput): IdempotentWrite<Invoice> => ({
  // what makes two issues under one reference the same invoice
  hash: fingerprint({
    d: input.distributorId,
    s: [...input.shipmentIds].sort(),
    r: input.taxRate,
    n: input.number ?? null,
    o: input.issuedOn ?? null,
  }),
  constraint: 'invoice_external_ref',
  earlier: async (em) =>
    input.externalRef
      ? em.findOne(Invoice, {
          where: { brandId: scope.brandId, distributorId: input.distributorId, externalRef: input.externalRef },
        })
      : null,
  reused: (earlier) =>
    keyReused(
      `Reference ${earlier.externalRef} was already used for invoice ${earlier.number} with different contents`,
      'externalRef',
    ),
});

// one distributor's account is written one writer at a time: invoices, payments, ledger postings, statements
export { lockAccount };

/**
 * 开票: an invoice for shipments not yet invoiced. Gross is what the shipments amounted to (prices
 * are tax-inclusive); net and tax are derived at the rate. Idempotent by the ERP's reference.
 */
export class InvoiceService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly outbox: OutboxService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Invoice).createQueryBuilder('i'), scope, 'finance');
  }

  list(scope: Scope, page: PageArgs, filter: AccountFilter = {}): Promise<Page<Invoice>> {
    const qb = this.scoped(scope);
    filterAccounts(qb, 'i.distributor_id', filter);
    return paginate(
      qb,
      page,
      [
        { column: 'i.issued_on', value: (i) => i.issuedOn },
        { column: 'i.id', value: (i) => i.id },
      ],
      'DESC',
    );
  }

  async get(scope: Scope, id: string): Promise<Invoice> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('i.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Invoice');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Invoice[]> {
    return this.scoped(scope).andWhere('i.id = ANY(:ids)', { ids }).getMany();
  }

  /** What has been allocated to each invoice, for the invoices the viewer may see. */
  async paidByInvoiceIds(
    scope: Scope,
    ids: readonly string[],
    em: EntityManager = this.ds.manager,
  ): Promise<Map<string, string>> {
    const visible = this.scoped(scope, em).select('i.id');
    const rows: Array<{ invoice: string; paid: string }> = await em
      .getRepository(PaymentAllocation)
      .createQueryBuilder('a')
      .select('a.invoice_id', 'invoice')
      .addSelect('SUM(a.amount)::text', 'paid')
      .where('a.invoice_id = ANY(:ids)', { ids })
      .andWhere(`a.invoice_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .groupBy('a.invoice_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.invoice, new Decimal(r.paid).toFixed(2)]));
  }

  /** Shipments of a distributor not yet on an invoice (reversals, and shipments reversed, excluded). */
  async uninvoicedShipments(
    scope: Scope,
    distributorId: string,
    em: EntityManager = this.ds.manager,
  ): Promise<Shipment[]> {
    const [distributor] = await this.distributors.byIds(scope, [distributorId], em);
    if (!distributor) throw notFound('Distributor');
    return em
      .getRepository(Shipment)
      .createQueryBuilder('s')
      .where('s.distributor_id = :d AND s.reverses_id IS NULL', { d: distributor.id })
      .andWhere('NOT EXISTS (SELECT 1 FROM shipment r WHERE r.reverses_id = s.id)')
      .andWhere('NOT EXISTS (SELECT 1 FROM invoice_shipment x WHERE x.shipment_id = s.id)')
      .orderBy('s.shipped_on')
      .addOrderBy('s.number')
      .getMany();
  }

  async issue(scope: Scope, input: IssueInvoiceInput): Promise<Invoice> {
    try {
      // the same reference arriving twice at once: the other one wins, and this one answers it
      return this.get(
        scope,
        await idempotent(this.ds, invoiceWrite(scope, input), (em) => this.issueIn(em, scope, input)),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'invoice_number'))
        throw new AppError(ErrorCode.CONFLICT, `Invoice number ${input.number} exists already`, 'number');
      throw err;
    }
  }

  /** Issues an invoice inside the caller's transaction (an import writes many in one); answers its id, the earlier one's on a replay. */
  async issueIn(em: EntityManager, scope: Scope, input: IssueInvoiceInput): Promise<string> {
    const issuedOn = input.issuedOn ?? today();
    if (issuedOn > today()) throw badInput('issuedOn', 'An invoice cannot be dated in the future');
    const write = invoiceWrite(scope, input);
    const [distributor] = await this.distributors.byIds(scope, [input.distributorId], em);
    if (!distributor) throw notFound('Distributor');
    await lockAccount(em, distributor.id);
    return replayOrInsert(em, write, () => this.insert(em, scope, input, distributor, issuedOn, write.hash));
  }

  private async insert(
    em: EntityManager,
    scope: Scope,
    input: IssueInvoiceInput,
    distributor: Distributor,
    issuedOn: string,
    hash: string,
  ): Promise<string> {
    const open = new Map((await this.uninvoicedShipments(scope, distributor.id, em)).map((s) => [s.id, s]));
    const shipments = [...new Set(input.shipmentIds)].map((sid, i) => {
      const s = open.get(sid);
      if (!s)
        throw badInput(
          `shipmentIds.${i}`,
          'This shipment is not open for invoicing (another distributor’s, invoiced already, or reversed)',
        );
      return s;
    });
    const gross = shipments.reduce((sum, s) => sum.plus(s.amount), new Decimal(0));
    if (gross.lte(0)) throw badInput('shipmentIds', 'These shipments amount to nothing to invoice');
    const rate = new Decimal(input.taxRate);
    const net = gross.dividedBy(rate.plus(1)).toDecimalPlaces(2);
    const number = input.number?.trim() || (await this.nextNumber(em, issuedOn));
    const invoice = await em.save(
      em.create(Invoice, {
        brandId: scope.brandId,
        distributorId: distributor.id,
        number,
        issuedOn,
        dueOn: addDays(issuedOn, distributor.paymentTermsDays),
        taxRate: rate.toFixed(4),
        netAmount: net.toFixed(2),
        taxAmount: gross.minus(net).toFixed(2),
        grossAmount: gross.toFixed(2),
        currency: shipments[0].currency,
        externalRef: input.externalRef ?? null,
        requestHash: hash,
        createdBy: scope.userId,
      }),
    );
    await em.insert(
      InvoiceShipment,
      shipments.map((s) => ({ brandId: scope.brandId, invoiceId: invoice.id, shipmentId: s.id, amount: s.amount })),
    );
    await audit(em, scope, 'ISSUE_INVOICE', 'invoice', invoice.id, {
      number,
      distributorId: distributor.id,
      gross: invoice.grossAmount,
      shipmentIds: shipments.map((s) => s.id),
    });
    await this.outbox.emit(em, scope.brandId, OutboxEventType.INVOICE_ISSUED, 'invoice', invoice.id, {
      number,
      distributorCode: distributor.code,
      issuedOn,
      dueOn: invoice.dueOn,
      gross: invoice.grossAmount,
      net: invoice.netAmount,
      tax: invoice.taxAmount,
      taxRate: invoice.taxRate,
      externalRef: invoice.externalRef,
      shipmentNumbers: shipments.map((s) => s.number),
    });
    return invoice.id;
  }

  private async nextNumber(em: EntityManager, issuedOn: string): Promise<string> {
    const [{ seq }] = await em.query(`SELECT nextval('invoice_number_seq')::text AS seq`);
    return `INV${issuedOn.replaceAll('-', '')}${seq.padStart(8, '0')}`;
  }
}
