import './strings';
import { Suspense } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { retryingLazy, useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ForbiddenState, LoadingState, NotFoundState } from '@medchannel/web-shared/states';
import type { LazyPage } from '@medchannel/web-shared';
import { can, type Capability } from '@medchannel/shared-schema';

interface Tab {
  key: string;
  page: LazyPage;
  /** Who sees the tab; everyone in the finance area when left out */
  can?: Capability;
}

// Each tab is its own chunk: finance opens on receivables without loading the drawers and logs.
const ReceivablesPage = retryingLazy(() => import('./receivables/ReceivablesPage'));
const TABS: Tab[] = [
  { key: 'receivables', page: ReceivablesPage },
  { key: 'overdue', page: retryingLazy(() => import('./receivables/OverduePage')) },
  { key: 'plan', page: retryingLazy(() => import('./receivables/CollectionCalendarPage')) },
  { key: 'disputes', page: retryingLazy(() => import('./disputes/DisputesPage')), can: 'statement.listDisputes' },
  { key: 'invoices', page: retryingLazy(() => import('./invoices/InvoicesPage')) },
  { key: 'payments', page: retryingLazy(() => import('./payments/PaymentsPage')) },
  { key: 'credits', page: retryingLazy(() => import('./credits/CreditsPage')) },
  { key: 'statements', page: retryingLazy(() => import('./statements/StatementsPage')) },
  { key: 'erp', page: retryingLazy(() => import('./erp/ErpPage')), can: 'erp.read' },
  { key: 'rebates', page: retryingLazy(() => import('./rebates/RebatesPage')), can: 'rebate.read' },
];
const StatementDetailPage = retryingLazy(() => import('./statements/StatementDetailPage'));

/** The filters a tab switch keeps: the same region or distributor, looked at another way. */
const CARRIED = ['region', 'distributor'];

/**
 * 对账 — finance's area: receivables (aging by province and distributor), overdue items, the
 * collection calendar, disputes, invoices, payments, credit notes and rebates, statements and the ERP exchange, one tab
 * each under /finance/<tab>; a statement opens at /finance/statements/<id>.
 */
export default function FinanceArea() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const visible = TABS.filter((tab) => !tab.can || can(user.role, tab.can));
  const active = pathname.split('/')[2] || 'receivables';

  const open = (key: string) => {
    const from = new URLSearchParams(search);
    const kept = new URLSearchParams(CARRIED.filter((k) => from.get(k)).map((k) => [k, from.get(k)!]));
    void navigate({ pathname: `/finance/${key}`, search: kept.size ? `?${kept}` : '' });
  };

  return (
    <>
      <PageHeader
        title={t('nav.finance')}
        subtitle={t(can(user.role, 'finance.keepAccounts') ? 'finance.subtitleKeeper' : 'finance.subtitleReader')}
      />
      <Tabs
        activeKey={active}
        onChange={open}
        style={{ marginTop: -8 }}
        items={visible.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`finance-tab-${tab.key}`}>{t(`finance.tab.${tab.key}`)}</span>,
        }))}
      />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          {/* /finance itself is receivables: where everyone in the area starts. */}
          <Route index element={<ReceivablesPage />} />
          {TABS.map((tab) => (
            <Route key={tab.key} path={tab.key} element={visible.includes(tab) ? <tab.page /> : <ForbiddenState />} />
          ))}
          <Route path="statements/:id" element={<StatementDetailPage />} />
          <Route path="*" element={<NotFoundState />} />
        </Routes>
      </Suspense>
    </>
  );
}
