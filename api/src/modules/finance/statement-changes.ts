import { LedgerEntryKind, StatementChangeKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import type { Statement, StatementLine } from './finance.entity';

/** One line that differs from the version before; amounts as exact decimal strings. */
interface StatementLineChange {
  change: StatementChangeKind;
  ledgerEntryId: string;
  /** the line's number in this version (in the earlier one, for a removed line) */
  lineNo: number;
  occurredOn: string;
  kind: LedgerEntryKind;
  memo: string | null;
  previousAmount: string | null;
  amount: string | null;
  /** what the change does to the closing balance (positive: more owed) */
  effect: string;
}

/** A version against the one before it: every changed line, and what moved the balances. */
export interface StatementChanges {
  previousVersion: number;
  lines: StatementLineChange[];
  /** entries dated before the month that were recorded after the earlier version */
  openingBalanceChange: string;
  closingBalanceChange: string;
}

/**
 * What changed between two versions of one month, from the lines each version kept (a line is
 * its ledger entry: the same entry in both is the same line). Deterministic, so the portal, the
 * console and the PDF say the same; the opening change plus the lines' effects is exactly the
 * closing change.
 */
export function statementChanges(
  previous: Pick<Statement, 'version' | 'openingBalance' | 'closingBalance'>,
  previousLines: StatementLine[],
  current: Pick<Statement, 'openingBalance' | 'closingBalance'>,
  currentLines: StatementLine[],
): StatementChanges {
  const before = new Map(previousLines.map((l) => [l.ledgerEntryId, l]));
  const now = new Set(currentLines.map((l) => l.ledgerEntryId));
  const changes: StatementLineChange[] = [];
  const view = (l: StatementLine) => ({
    ledgerEntryId: l.ledgerEntryId,
    lineNo: l.lineNo,
    occurredOn: l.occurredOn,
    kind: l.kind,
    memo: l.memo,
  });
  for (const l of currentLines) {
    const old = before.get(l.ledgerEntryId);
    if (!old) {
      changes.push({
        ...view(l),
        change: StatementChangeKind.ADDED,
        previousAmount: null,
        amount: fixed(l.amount),
        effect: fixed(l.amount),
      });
    } else if (!new Decimal(old.amount).eq(l.amount)) {
      changes.push({
        ...view(l),
        change: StatementChangeKind.AMOUNT_CHANGED,
        previousAmount: fixed(old.amount),
        amount: fixed(l.amount),
        effect: new Decimal(l.amount).minus(old.amount).toFixed(2),
      });
    }
  }
  for (const l of previousLines) {
    if (!now.has(l.ledgerEntryId)) {
      changes.push({
        ...view(l),
        change: StatementChangeKind.REMOVED,
        previousAmount: fixed(l.amount),
        amount: null,
        effect: new Decimal(l.amount).neg().toFixed(2),
      });
    }
  }
  changes.sort((a, b) =>
    a.occurredOn < b.occurredOn
      ? -1
      : a.occurredOn > b.occurredOn
        ? 1
        : a.lineNo - b.lineNo || a.change.localeCompare(b.change),
  );
  return {
    previousVersion: previous.version,
    lines: changes,
    openingBalanceChange: new Decimal(current.openingBalance).minus(previous.openingBalance).toFixed(2),
    closingBalanceChange: new Decimal(current.closingBalance).minus(previous.closingBalance).toFixed(2),
  };
}

const fixed = (amount: string) => new Decimal(amount).toFixed(2);
