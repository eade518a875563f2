import { Column, Entity } from 'typeorm';
import { AccountCreditKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 折让 / 返利: what finance credited an account with by hand, and why; its ledger entry lowers the balance. */
@Entity('account_credit')
export class AccountCredit extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AccountCreditKind;

  /** positive: what the distributor owes goes down by it */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}
