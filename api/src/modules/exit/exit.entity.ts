import { Column, Entity, VersionColumn } from 'typeorm';
import { ExitHandoverKind, ExitOrderDecision } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 劝退: one distributor's exit plan, its steps stamped as they are done (migration Exit). */
@Entity('exit_plan')
export class ExitPlan extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId: string | null;

  /** From this day: no new order, the authorizations revoked. */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** The stock may still be sold out to hospitals until this day (a run-down); none: bought back. */
  @Column({ name: 'sell_out_until', type: 'date', nullable: true })
  sellOutUntil: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'authorizations_revoked', type: 'integer', default: 0 })
  authorizationsRevoked: number;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt: Date | null;

  @Column({ name: 'successor_authorization_id', type: 'uuid', nullable: true })
  successorAuthorizationId: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @Column({ name: 'final_balance', type: 'numeric', precision: 18, scale: 2, nullable: true })
  finalBalance: string | null;

  @Column({ name: 'final_currency', type: 'char', length: 3, nullable: true })
  finalCurrency: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @VersionColumn()
  version: number;
}

/** What the plan decided about one open order: finish it or cancel it. */
@Entity('exit_order_decision')
export class ExitOrderDecisionRow extends TenantEntity {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ type: 'varchar', length: 8 })
  decision: ExitOrderDecision;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;
}

/** 退货: goods bought back, with the credit note that pays for them. */
@Entity('exit_return')
export class ExitReturn extends TenantEntity {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'credit_id', type: 'uuid' })
  creditId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}

/** One lot of a return: its units back to the brand at the buy-back price, and the movement out of stock. */
@Entity('exit_return_line')
export class ExitReturnLine extends TenantEntity {
  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ name: 'line_no', type: 'smallint' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric', precision: 18, scale: 2 })
  unitPrice: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ name: 'movement_id', type: 'uuid' })
  movementId: string;
}

/** One record handed to the successor. */
@Entity('exit_handover')
export class ExitHandover extends TenantEntity {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ExitHandoverKind;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ name: 'successor_id', type: 'uuid' })
  successorId: string;
}
