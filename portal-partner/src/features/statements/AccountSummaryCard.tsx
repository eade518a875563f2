import { useState } from 'react';
import { Button, Card, Tag } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorCode, Role } from '@medchannel/shared-schema';
import { isCode, useCurrentUser } from '@medchannel/web-shared';
import { absolute, signOf } from '@medchannel/web-shared/finance';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AccountOpenItemsDocument, AccountSummaryDocument, type AccountOpenItemsQuery } from '../../gql/graphql';
import { daysFromToday, useAccountFormat } from './format';
import { NoAccessState } from './NoAccessState';

type Item = AccountOpenItemsQuery['accountSummary']['open'][number];

/** Open items shown at a time; a long list grows by as many on demand. */
const OPEN_PAGE = 50;

/** What the distributor owes now, how much of it is overdue, and what falls due next; the open items on demand. */
export function AccountSummaryCard() {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const user = useCurrentUser();
  const [expanded, setExpanded] = useState(false);
  const { data, error, refetch } = useQuery(AccountSummaryDocument, { fetchPolicy: 'cache-and-network' });

  // The owner took a rep's access back while the page was open.
  if (error && !data && user.role === Role.REP && isCode(error, ErrorCode.NOT_FOUND)) return <NoAccessState />;
  if (error && !data) {
    return (
      <Card size="small">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Card>
    );
  }
  if (!data) return <Card size="small" loading data-testid="account-summary-loading" />;

  // The figures come summed by the API; the items themselves only when the list is opened.
  const { balance, openCount, overdue, overdueCount, nextDue: next } = data.accountSummary;
  const currency = balance.currency;

  return (
    <Card size="small" data-testid="account-summary">
      <div className="pa-summary-label">{t(signOf(balance.amount) < 0 ? 'account.inCredit' : 'account.balance')}</div>
      <div className="pa-balance" data-testid="account-balance" data-amount={balance.amount}>
        {format.money(absolute(balance.amount), currency)}
      </div>
      <div className="pa-stats">
        <div className={overdueCount ? 'pa-stat pa-stat-danger' : 'pa-stat'} data-testid="account-overdue" data-amount={overdue.amount}>
          <div className="pa-stat-label">{t('account.overdue')}</div>
          <div className="pa-stat-value">{format.money(overdue.amount, overdue.currency)}</div>
          <div className="pp-muted">{overdueCount ? t('account.overdueCount', { count: overdueCount }) : t('account.noOverdue')}</div>
        </div>
        <div className="pa-stat" data-testid="account-next-due" data-due-on={next?.dueOn ?? ''}>
          <div className="pa-stat-label">{t('account.nextDue')}</div>
          {next ? (
            <>
              <div className="pa-stat-value">{format.money(next.outstanding.amount, next.outstanding.currency)}</div>
              <div className="pp-muted">
                {format.date(next.dueOn)} · {dueWhen(t, next.dueOn)}
              </div>
            </>
          ) : (
            <div className="pp-muted">{t('account.nothingDue')}</div>
          )}
        </div>
      </div>
      {openCount > 0 && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, marginTop: 8 }}
          onClick={() => setExpanded(!expanded)}
          icon={expanded ? <UpOutlined /> : <DownOutlined />}
          iconPlacement="end"
          data-testid="account-open-toggle"
        >
          {t('account.openItems', { count: openCount })}
        </Button>
      )}
      {expanded && <OpenItems />}
    </Card>
  );
}

/** The open items, earliest due first, OPEN_PAGE at a time (what is shown stays while more load). */
function OpenItems() {
  const { t } = useTranslation();
  const [first, setFirst] = useState(OPEN_PAGE);
  const { data, previousData, loading, error, refetch } = useQuery(AccountOpenItemsDocument, { variables: { first }, fetchPolicy: 'cache-and-network' });
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

function dueWhen(t: TFunction, dueOn: string): string {
  const days = daysFromToday(dueOn);
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
