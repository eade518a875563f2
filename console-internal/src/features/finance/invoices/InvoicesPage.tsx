import { Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { InvoiceStatusTag } from '@medchannel/web-shared/finance';
import { InvoicesDocument, type InvoiceRowFragment } from '../../../gql/graphql';
import { AccountList, useAccountList } from '../AccountList';
import { IssueInvoiceDrawer } from './IssueInvoiceDrawer';
import { rowData } from '../../../components/rowData';

/** 发票: invoices of the viewer's distributors, newest first; finance issues them from shipments not yet invoiced. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const account = useAccountList();
  const { data, previousData, loading, error, refetch } = useQuery(InvoicesDocument, { variables: account.variables });
  const page = (data ?? previousData)?.invoices;
  const money = (m: { amount: string; currency: string }) => format.money(m);

  return (
    <AccountList<InvoiceRowFragment>
      account={account}
      kind="invoices"
      add={{ icon: <FileAddOutlined />, label: t('invoice.issue'), testId: 'invoice-issue-open' }}
      none={{ title: t('invoice.none'), description: t('invoice.noneDescription') }}
      drawer={
        <IssueInvoiceDrawer
          open={account.adding}
          distributorId={account.filter.distributorId}
          onClose={() => account.setAdding(false)}
        />
      }
      list={{ page, loading, error, refetch }}
      totalTestId="invoice-total"
      scroll={{ x: 1320 }}
      data-testid="invoice-list"
      onRow={(i) => rowData({ 'data-number': i.number })}
      columns={[
        {
          title: t('invoice.number'),
          key: 'number',
          width: 190,
          render: (_, i) => <Typography.Text copyable={{ text: i.number }}>{i.number}</Typography.Text>,
        },
        {
          title: t('finance.distributor'),
          key: 'distributor',
          width: 220,
          ellipsis: true,
          render: (_, i) => i.distributor?.name ?? '—',
        },
        { title: t('invoice.issuedOn'), key: 'issuedOn', width: 120, render: (_, i) => format.date(i.issuedOn) },
        { title: t('invoice.dueOn'), key: 'dueOn', width: 120, render: (_, i) => format.date(i.dueOn) },
        {
          title: t('invoice.gross'),
          key: 'gross',
          width: 150,
          align: 'right',
          render: (_, i) => money(i.grossAmount),
        },
        { title: t('invoice.tax'), key: 'tax', width: 130, align: 'right', render: (_, i) => money(i.taxAmount) },
        { title: t('invoice.paid'), key: 'paid', width: 150, align: 'right', render: (_, i) => money(i.paidAmount) },
        {
          title: t('invoice.status'),
          key: 'status',
          width: 110,
          render: (_, i) => <InvoiceStatusTag status={i.status} />,
        },
        { title: t('invoice.externalRef'), key: 'externalRef', width: 180, render: (_, i) => i.externalRef ?? '—' },
      ]}
    />
  );
}
