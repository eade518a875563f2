import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { runningTotals } from '@medchannel/web-shared/kernel';
import type { PartnerStatementFragment } from '../../gql/graphql';
import type { DisputeDraft } from './useDisputeDraft';
import { useAccountFormat } from './format';
import { LineItem } from './StatementLineItem';

/**
 * The month line by line between its opening and closing balance, each with the balance after it.
 * While the owner disputes, every line gets a checkbox and a ticked line a required comment.
 */
export function StatementLines({
  statement,
  draft,
}: {
  statement: PartnerStatementFragment;
  draft: DisputeDraft | null;
}) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const { openingBalance: opening, closingBalance: closing } = statement;
  const balances = runningTotals(
    opening.amount,
    statement.lines.map((l) => l.amount.amount),
  );
  const current = statement.versions.find((v) => v.id === statement.id);
  const comments = new Map((current?.disputes ?? []).map((d) => [d.statementLineId, d.comment]));
  // The first line the owner still has to explain is scrolled to, out from under the bottom bar.
  const firstError = draft ? statement.lines.find((l) => draft.errors[l.id])?.id : undefined;

  return (
    <Card size="small" title={t('statement.lines')} data-testid="statement-lines">
      <div className="pa-balance-row" data-testid="statement-opening">
        <span>{t('statement.openingBalance')}</span>
        <span className="pp-amount">{format.money(opening.amount, opening.currency)}</span>
      </div>
      {statement.lines.length === 0 ? (
        <div className="pp-muted pa-no-lines">{t('statement.noLines')}</div>
      ) : (
        <div className="pp-list">
          {statement.lines.map((line, i) => (
            <LineItem
              key={line.id}
              line={line}
              balance={balances[i]}
              draft={draft}
              comment={comments.get(line.id)}
              reveal={line.id === firstError}
            />
          ))}
        </div>
      )}
      <div className="pa-balance-row pa-closing" data-testid="statement-closing">
        <span>{t('statement.closingBalance')}</span>
        <span className="pp-amount" data-testid="statement-closing-amount">
          {format.money(closing.amount, closing.currency)}
        </span>
      </div>
    </Card>
  );
}
