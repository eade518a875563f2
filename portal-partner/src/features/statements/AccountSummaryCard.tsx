import { useState } from 'react';
import { Button, Card } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, Role } from '@medchannel/shared-schema';
import { isCode, useCurrentUser } from '@medchannel/web-shared';
import { absolute, signOf } from '@medchannel/web-shared/kernel';
import { ErrorState } from '@medchannel/web-shared/states';
import { AccountSummaryDocument } from '../../gql/graphql';
import { useAccountFormat } from './format';
import { NoAccessState } from './NoAccessState';
import { OpenItems, dueWhen } from './OpenItems';

/**
 * What the distributor owes now, how much of it is overdue, and what falls due next; the open items on demand. The
 * viewer's own company's, or (`distributorId`) one of its second tier's for its owner.
 */
export function AccountSummaryCard({ distributorId }: { distributorId?: string }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const user = useCurrentUser();
  const [expanded, setExpanded] = useState(false);
  const { data, error, refetch } = useQuery(AccountSummaryDocument, {
    variables: { distributorId },
    fetchPolicy: 'cache-and-network',
  });

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
  const { balance, openCount, overdue, overdueCount, nextDue: next, paymentTermsDays } = data.accountSummary;
  const currency = balance.currency;

  return (
    <Card size="small" data-testid="account-summary">
      <div className="pa-summary-label">{t(signOf(balance.amount) < 0 ? 'account.inCredit' : 'account.balance')}</div>
      <div className="pa-balance" data-testid="account-balance" data-amount={balance.amount}>
        {format.money(absolute(balance.amount), currency)}
      </div>
      {/* 账期, set by the brand's finance: read only here */}
      <div className="pp-muted" data-testid="account-payment-terms" data-days={paymentTermsDays}>
        {t('account.paymentTerms', { count: paymentTermsDays })}
      </div>
      <div className="pa-stats">
        <div
          className={overdueCount ? 'pa-stat pa-stat-danger' : 'pa-stat'}
          data-testid="account-overdue"
          data-amount={overdue.amount}
        >
          <div className="pa-stat-label">{t('account.overdue')}</div>
          <div className="pa-stat-value">{format.money(overdue.amount, overdue.currency)}</div>
          <div className="pp-muted">
            {overdueCount ? t('account.overdueCount', { count: overdueCount }) : t('account.noOverdue')}
          </div>
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
      {expanded && <OpenItems distributorId={distributorId} />}
    </Card>
  );
}
