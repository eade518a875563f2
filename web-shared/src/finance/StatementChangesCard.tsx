import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatementChangeKind } from '@medchannel/shared-schema';
import { useFormat } from '../app/format';
import { WordTag } from '../components/StatusTags';
import { signOf, type Money } from '../kernel/money';
import type { StatementChangesFragment } from '../gql/graphql';
import { addFinanceStrings } from './strings';

addFinanceStrings();

/** A statement version against the one before it, as the API answers `Statement.changes` (the shared StatementChanges fragment). */
type StatementChangesView = StatementChangesFragment;

const COLOR: Record<StatementChangeKind, string> = {
  [StatementChangeKind.ADDED]: 'blue',
  [StatementChangeKind.REMOVED]: 'red',
  [StatementChangeKind.AMOUNT_CHANGED]: 'gold',
};

/**
 * 与上一版相比: every line added, removed or changed since the version before, each with what it
 * did to the closing balance, so a reissued month never moves silently. Both apps show this card.
 */
export function StatementChangesCard({ changes }: { changes: StatementChangesView | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!changes) return null;
  const signed = (m: Money) => `${signOf(m.amount) > 0 ? '+' : ''}${format.money(m)}`;
  const amount = (m: Money | null | undefined) => (m ? format.money(m) : '—');
  return (
    <Card
      size="small"
      title={t('statementChanges.title', { version: changes.previousVersion })}
      data-testid="statement-changes"
    >
      <Flex vertical gap={8}>
        {!changes.lines.length && <Typography.Text type="secondary">{t('statementChanges.none')}</Typography.Text>}
        {changes.lines.map((l) => (
          <Flex
            key={`${l.change}-${l.lineNo}`}
            justify="space-between"
            align="start"
            gap={8}
            wrap
            data-testid="statement-change"
            data-change={l.change}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <span>
                <WordTag word="statementChange" color={COLOR[l.change as StatementChangeKind]} value={l.change} />{' '}
                {t('statementChanges.line', { lineNo: l.lineNo })} · {format.date(l.occurredOn)} ·{' '}
                {t(`ledgerKind.${l.kind}`, { defaultValue: l.kind })}
              </span>
              {l.memo && <Typography.Text type="secondary">{l.memo}</Typography.Text>}
              {l.change === StatementChangeKind.AMOUNT_CHANGED && (
                <Typography.Text type="secondary">
                  {t('statementChanges.fromTo', { from: amount(l.previousAmount), to: amount(l.amount) })}
                </Typography.Text>
              )}
            </Flex>
            <span data-testid="statement-change-effect">{signed(l.effect)}</span>
          </Flex>
        ))}
        {signOf(changes.openingBalanceChange.amount) !== 0 && (
          <Flex justify="space-between">
            <span>{t('statementChanges.opening')}</span>
            <span>{signed(changes.openingBalanceChange)}</span>
          </Flex>
        )}
        <Flex justify="space-between" style={{ fontWeight: 600 }}>
          <span>{t('statementChanges.closing')}</span>
          <span data-testid="statement-change-closing">{signed(changes.closingBalanceChange)}</span>
        </Flex>
      </Flex>
    </Card>
  );
}
