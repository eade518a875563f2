import { useState } from 'react';
import { Button, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { chinaToday, daysBetween } from '@medchannel/web-shared/kernel';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AccountOpenItemsDocument, type AccountOpenItemsQuery } from '../../gql/graphql';
import { useAccountFormat } from './format';

type Item = AccountOpenItemsQuery['accountSummary']['open'][number];

/** Open items shown at a time; a long list grows by as many on demand. */
const OPEN_PAGE = 50;

/** The open items, earliest due first, OPEN_PAGE at a time (what is shown stays while more load). */
export function OpenItems({ distributorId }: { distributorId?: string }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(OPEN_PAGE);
  const { data, previousData, loading, error, refetch } = useQuery(AccountOpenItemsDocument, {
    variables: { first, distributorId },
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.accountSummary;
  if (error && !shown) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!shown) return <LoadingState />;
  const left = shown.openCount - shown.open.length;
  return (
    <div className="pp-list" data-testid="account-open-items">
      {shown.open.map((item) => (
        <OpenItem key={item.entryId} item={item} />
      ))}
      {left > 0 && (
        <Button block loading={loading} onClick={() => setFirst(first + OPEN_PAGE)} data-testid="account-open-more">
          {t('account.moreItems', { count: Math.min(left, OPEN_PAGE) })}
        </Button>
      )}
    </div>
  );
}

export function dueWhen(t: TFunction, dueOn: string): string {
  const days = daysBetween(chinaToday(), dueOn);
  if (days < 0) return t('account.overdueDays', { count: -days });
  if (days === 0) return t('account.dueToday');
  return t('account.dueIn', { count: days });
}

/** One receivable still (partly) open: when it arose, when it is due, what is left of it. */
function OpenItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const partly = item.outstanding.amount !== item.amount.amount;
  return (
    <div className="pp-item" data-testid="open-item" data-due-on={item.dueOn}>
      <div className="pp-row-head">
        <span>
          {t('account.dueOn', { date: format.date(item.dueOn) })}{' '}
          {item.overdue && (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              {t('account.overdueTag')}
            </Tag>
          )}
        </span>
        <span className="pp-amount">{format.money(item.outstanding.amount, item.outstanding.currency)}</span>
      </div>
      <div className="pp-muted" style={{ marginTop: 2 }}>
        {t('account.arose', { date: format.date(item.occurredOn) })} · {dueWhen(t, item.dueOn)}
        {partly && ` · ${t('account.ofAmount', { amount: format.money(item.amount.amount, item.amount.currency) })}`}
      </div>
    </div>
  );
}
