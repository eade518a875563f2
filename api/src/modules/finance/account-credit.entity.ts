import { Column, Entity } from 'typeorm';
import { AccountCreditKind } from '@medchannel/shared-schema';
import { AccountAmountEntity } from '../../common/base.entity';

/**
 * 折让 / 返利: what finance credited an account with by hand, and why; its ledger entry lowers the
 * balance. The amount is positive: what the distributor owes goes down by it.
 */
@Entity('account_credit')
export class AccountCredit extends AccountAmountEntity {
  @Column({ type: 'varchar', length: 16 })
  kind: AccountCreditKind;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}
