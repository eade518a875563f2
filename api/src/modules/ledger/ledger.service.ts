import { DataSource, EntityManager } from 'typeorm';
import { LedgerEntryKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { Scope, scopeCondition } from '../../auth/scope';
import { LedgerEntry } from './ledger.entity';

export interface LedgerPosting {
  brandId: string;
  distributorId: string;
  kind: LedgerEntryKind;
  /** signed: positive is owed to the brand */
  amount: string;
  currency: string;
  occurredOn: string;
  sourceType: string;
  sourceId: string;
  reversesId?: string | null;
  dueOn?: string | null;
  memo?: string | null;
  createdBy: string | null;
}

/** One distributor's account changes one writer at a time: postings, payments' allocations, statements issued. */
export async function lockAccount(em: EntityManager, distributorId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('account:' || $1))`, [distributorId]);
}

/**
 * The distributor's account with the brand, as a list of entries that only grows. Other modules
 * post through `append` inside their own transaction, so a shipment and its receivable commit
 * together or not at all. (The finance module builds invoices, payments, statements on top.)
 */
export class LedgerService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Posts an entry. A month already stated (ISSUED or CONFIRMED) is closed: an entry dated into it
   * is posted on the open period's first day and keeps its own date as valueOn (the database's
   * trigger enforces the same rule for every other path). The account lock orders this against
   * issuing a statement, so a month is never stated while an entry dated into it is on its way.
   */
  async append(em: EntityManager, posting: LedgerPosting): Promise<LedgerEntry> {
    await lockAccount(em, posting.distributorId);
    const [{ posted }] = await em.query(`SELECT ledger_posting_date($1, $2)::text AS posted`, [
      posting.distributorId,
      posting.occurredOn,
    ]);
    return em.save(
      em.create(LedgerEntry, {
        ...posting,
        occurredOn: posted,
        valueOn: posted === posting.occurredOn ? null : posting.occurredOn,
        amount: new Decimal(posting.amount).toFixed(2),
        reversesId: posting.reversesId ?? null,
        dueOn: posting.dueOn ?? null,
        memo: posting.memo ?? null,
      }),
    );
  }

  /** Posts the exact opposite of an entry, pointing back at it. */
  async reverse(
    em: EntityManager,
    entry: LedgerEntry,
    source: { type: string; id: string },
    by: string,
    memo: string,
  ): Promise<LedgerEntry> {
    return this.append(em, {
      brandId: entry.brandId,
      distributorId: entry.distributorId,
      kind: LedgerEntryKind.REVERSAL,
      amount: new Decimal(entry.amount).negated().toFixed(2),
      currency: entry.currency,
      occurredOn: entry.occurredOn,
      sourceType: source.type,
      sourceId: source.id,
      reversesId: entry.id,
      memo,
      createdBy: by,
    });
  }

  bySource(em: EntityManager, sourceType: string, sourceId: string): Promise<LedgerEntry | null> {
    return em.findOne(LedgerEntry, { where: { sourceType, sourceId } });
  }

  /** What the distributor owes now, per its entries read as the scope's `account` (the caller has the distributor in view). */
  async outstanding(em: EntityManager, scope: Scope, distributorId: string): Promise<string> {
    const account = scopeCondition(scope, 'account', 'e');
    const row = await em
      .createQueryBuilder()
      .select('COALESCE(SUM(e.amount), 0)::text', 'balance')
      .from('ledger_entry', 'e')
      .where('e.distributor_id = :d', { d: distributorId })
      .andWhere(account.sql, account.params)
      .getRawOne<{ balance: string }>();
    return new Decimal(row!.balance).toFixed(2);
  }
}
