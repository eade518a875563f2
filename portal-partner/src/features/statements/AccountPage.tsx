import './strings';
import { Flex, Segmented, Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AccountAccessDocument } from '../../gql/graphql';
import { useSecondTier } from '../../components/useSecondTier';
import { AccountSummaryCard } from './AccountSummaryCard';
import { InvoiceList } from './InvoiceList';
import { NoAccessState } from './NoAccessState';
import { PaymentList } from './PaymentList';
import { StatementList } from './StatementList';
import './statements.css';

const TABS = ['statements', 'invoices', 'payments'] as const;
type Tab = (typeof TABS)[number];

/**
 * 对账: what the distributor owes now and what falls due next, then its statements, invoices and
 * payments (the segment is kept in the URL, so back from a statement lands on the same list).
 * The owner always sees it; a rep only when the owner has let them (User.financeAccess).
 */
export default function AccountPage() {
  const user = useCurrentUser();
  // A grant or a revocation by the owner takes effect on the next visit: ask, don't trust the cache.
  const access = useQuery(AccountAccessDocument, { skip: user.role !== Role.REP, fetchPolicy: 'cache-and-network' });

  if (user.role === Role.REP) {
    if (access.error && !access.data) return <ErrorState error={access.error} onRetry={() => void access.refetch()} />;
    if (!access.data) return <LoadingState />;
    if (!access.data.me.financeAccess) return <NoAccessState />;
  }
  return <Account />;
}

function Account() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { params, setFilter } = useUrlFilters();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'statements';
  // An owner of a first-tier distributor reads his second tier's accounts too, one company at a time (`company`).
  const below = useSecondTier();
  const secondTier = user.role === Role.OWNER ? below : [];
  const other = secondTier.find((d) => d.id === params.get('company'));
  const companyId = other?.id ?? user.distributor?.id;
  const filter = { distributorId: companyId ?? null };

  return (
    <Flex vertical gap={12} className="pa-page">
      <PageHeader
        title={t('account.title')}
        subtitle={other ? t('company.secondTierOf', { name: other.name }) : user.distributor?.name}
      />
      {secondTier.length > 0 && user.distributor && (
        <Select
          value={other?.id ?? ''}
          onChange={(v) => setFilter('company', v || undefined)}
          options={[
            { value: '', label: user.distributor.name },
            ...secondTier.map((d) => ({ value: d.id, label: t('company.secondTierOf', { name: d.name }) })),
          ]}
          aria-label={t('account.company')}
          data-testid="account-company"
        />
      )}
      <AccountSummaryCard key={companyId} distributorId={other?.id} />
      <Segmented<Tab>
        block
        value={tab}
        onChange={(value) => setFilter('tab', value === 'statements' ? undefined : value)}
        options={TABS.map((value) => ({
          value,
          label: <span data-testid={`account-tab-${value}`}>{t(`account.tab.${value}`)}</span>,
        }))}
        data-testid="account-tabs"
      />
      {tab === 'statements' && <StatementList filter={filter} />}
      {tab === 'invoices' && <InvoiceList filter={filter} />}
      {tab === 'payments' && <PaymentList filter={filter} />}
    </Flex>
  );
}
