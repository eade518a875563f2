import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { InvoiceStatusTag } from '@medchannel/web-shared/finance';
import { EmptyState } from '@medchannel/web-shared/states';
import { InvoicesDocument, type InvoiceRowFragment } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { AccountFilterBar, ImportLink, useAccountFilter } from '../AccountFilters';
import { keepsAccounts } from '../roles';
import { IssueInvoiceDrawer } from './IssueInvoiceDrawer';
import { rowData } from '../rowData';

const PAGE_SIZE = 20;

/** 发票: invoices of the viewer's distributors, newest first; finance issues them from shipments not yet invoiced. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [issuing, setIssuing] = useState(false);
  const { filter, key, filtered } = useAccountFilter();
  const pages = useKeysetPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(InvoicesDocument, { variables: { first: PAGE_SIZE, after: pages.after, filter } });
  const page = (data ?? previousData)?.invoices;
  const keeper = keepsAccounts(user.role);
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);

  return (
    <Card>
      <AccountFilterBar
        extra={
          keeper && (
            <Space>
              <ImportLink kind="invoices" />
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setIssuing(true)} data-testid="invoice-issue-open">
                {t('invoice.issue')}
              </Button>
            </Space>
          )
        }
      />
      <PagedTable<InvoiceRowFragment>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="invoice-total"
        scroll={{ x: 1320 }}
        data-testid="invoice-list"
        onRow={(i) => rowData({ 'data-number': i.number })}
        empty={<EmptyState title={filtered ? t('finance.noMatch') : t('invoice.none')} description={filtered ? undefined : t('invoice.noneDescription')} />}
        columns={[
          { title: t('invoice.number'), key: 'number', width: 190, render: (_, i) => <Typography.Text copyable={{ text: i.number }}>{i.number}</Typography.Text> },
          { title: t('finance.distributor'), key: 'distributor', width: 220, ellipsis: true, render: (_, i) => i.distributor?.name ?? '—' },
          { title: t('invoice.issuedOn'), key: 'issuedOn', width: 120, render: (_, i) => format.date(i.issuedOn) },
          { title: t('invoice.dueOn'), key: 'dueOn', width: 120, render: (_, i) => format.date(i.dueOn) },
          { title: t('invoice.gross'), key: 'gross', width: 150, align: 'right', render: (_, i) => money(i.grossAmount) },
          { title: t('invoice.tax'), key: 'tax', width: 130, align: 'right', render: (_, i) => money(i.taxAmount) },
          { title: t('invoice.paid'), key: 'paid', width: 150, align: 'right', render: (_, i) => money(i.paidAmount) },
          { title: t('invoice.status'), key: 'status', width: 110, render: (_, i) => <InvoiceStatusTag status={i.status} /> },
          { title: t('invoice.externalRef'), key: 'externalRef', width: 180, render: (_, i) => i.externalRef ?? '—' },
        ]}
      />
      {keeper && <IssueInvoiceDrawer open={issuing} distributorId={filter.distributorId} onClose={() => setIssuing(false)} />}
    </Card>
  );
}
