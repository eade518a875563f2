import { Column, Entity, VersionColumn } from 'typeorm';
import { DisputeStatus, LedgerEntryKind, PaymentMethod, StatementStatus } from '@medchannel/shared-schema';
import { DistributorAmountEntity, TenantEntity } from '../../common/base.entity';
import { StoredFileEntity } from '../../common/stored-file.entity';

/** 发票: a document against shipped goods (their receivables arose at shipment). Never edited. */
@Entity('invoice')
export class Invoice extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'tax_rate', type: 'numeric', precision: 5, scale: 4 })
  taxRate: string;

  @Column({ name: 'net_amount', type: 'numeric', precision: 18, scale: 2 })
  netAmount: string;

  @Column({ name: 'tax_amount', type: 'numeric', precision: 18, scale: 2 })
  taxAmount: string;

  /** tax-inclusive (含税), what the shipments amounted to */
  @Column({ name: 'gross_amount', type: 'numeric', precision: 18, scale: 2 })
  grossAmount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'external_ref', type: 'varchar', length: 100, nullable: true })
  externalRef: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}

@Entity('invoice_shipment')
export class InvoiceShipment extends TenantEntity {
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;
}

/** 回款: money received, identified by the bank's or the ERP's reference. */
@Entity('payment')
export class Payment extends DistributorAmountEntity {
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 24 })
  method: PaymentMethod;

  @Column({ name: 'external_ref', type: 'varchar', length: 100 })
  externalRef: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}

@Entity('payment_allocation')
export class PaymentAllocation extends TenantEntity {
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;
}

/** 对账单: one version of a distributor's month. A new version replaces it after disputes; both stay. */
@Entity('statement')
export class Statement extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: StatementStatus;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'opening_balance', type: 'numeric', precision: 18, scale: 2 })
  openingBalance: string;

  @Column({ name: 'closing_balance', type: 'numeric', precision: 18, scale: 2 })
  closingBalance: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  debits: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  credits: string;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}

/** A ledger entry as the statement showed it (a snapshot: later entries never change an issued version). */
@Entity('statement_line')
export class StatementLine extends TenantEntity {
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'ledger_entry_id', type: 'uuid' })
  ledgerEntryId: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'varchar', length: 32 })
  kind: LedgerEntryKind;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  memo: string | null;
}

@Entity('statement_dispute')
export class StatementDispute extends TenantEntity {
  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'statement_line_id', type: 'uuid' })
  statementLineId: string;

  @Column({ type: 'varchar', length: 1000 })
  comment: string;

  @Column({ name: 'raised_by', type: 'uuid' })
  raisedBy: string;

  @Column({ type: 'varchar', length: 16 })
  status: DisputeStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution: string | null;

  @Column({ name: 'adjustment_entry_id', type: 'uuid', nullable: true })
  adjustmentEntryId: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @VersionColumn()
  version: number;
}

/** Evidence the owner attaches to his dispute of a line (a photo of a delivery note, say). Never changed. */
@Entity('statement_dispute_attachment')
export class DisputeAttachment extends StoredFileEntity {
  @Column({ name: 'dispute_id', type: 'uuid' })
  disputeId: string;
}
