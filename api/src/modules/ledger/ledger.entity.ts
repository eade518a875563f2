import { Column, Entity } from 'typeorm';
import { LedgerEntryKind } from '@medchannel/shared-schema';
import { AccountAmountEntity } from '../../common/base.entity';

/**
 * One entry in a distributor's account with the brand: positive amounts are owed to the brand
 * (receivables), negative ones reduce what is owed. Balances are sums of entries; the database
 * refuses UPDATE and DELETE, so a wrong entry is corrected by a REVERSAL entry. `occurredOn` is
 * the day the entry counts on: the day it happened, or the open period's first day when that month
 * was already stated (ClosedPeriods migration).
 */
@Entity('ledger_entry')
export class LedgerEntry extends AccountAmountEntity {
  @Column({ type: 'varchar', length: 32 })
  kind: LedgerEntryKind;

  /** The day it happened, when that fell in a stated month and the entry was posted later (occurredOn). */
  @Column({ name: 'value_on', type: 'date', nullable: true })
  valueOn: string | null;

  @Column({ name: 'source_type', type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  /** For a receivable: when it is expected to be collected (the day it arose + the distributor's terms then). */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  memo: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
