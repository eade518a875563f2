import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { PaymentsDocument, type PaymentsQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { AccountFilterBar, ImportLink, useAccountFilter } from '../AccountFilters';
import { isPositive } from '../money';
import { keepsAccounts } from '../roles';
import { RecordPaymentDrawer } from './RecordPaymentDrawer';
import { rowData } from '../rowData';

type Row = PaymentsQuery['payments']['nodes'][number];

const PAGE_SIZE = 20;

/** 回款: money received, newest first, with the invoices it settled and what is left as credit. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [recording, setRecording] = useState(false);
  const { filter, key, filtered } = useAccountFilter();
  const pages = useKeysetPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(PaymentsDocument, { variables: { first: PAGE_SIZE, after: pages.after, filter } });
  const page = (data ?? previousData)?.payments;
  const keeper = keepsAccounts(user.role);

  return (
    <Card>
      <AccountFilterBar
        extra={
          keeper && (
            <Space>
              <ImportLink kind="payments" />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="payment-record-open">
                {t('payment.record')}
              </Button>
            </Space>
          )
        }
      />
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="payment-total"
        scroll={{ x: 1260 }}
        data-testid="payment-list"
        onRow={(p) => rowData({ 'data-ref': p.externalRef })}
        empty={<EmptyState title={filtered ? t('finance.noMatch') : t('payment.none')} description={filtered ? undefined : t('payment.noneDescription')} />}
        columns={[
          { title: t('payment.receivedOn'), key: 'receivedOn', width: 120, render: (_, p) => format.date(p.receivedOn) },
          { title: t('finance.distributor'), key: 'distributor', width: 220, ellipsis: true, render: (_, p) => p.distributor?.name ?? '—' },
          { title: t('payment.amount'), key: 'amount', width: 150, align: 'right', render: (_, p) => <Typography.Text strong>{format.money(p.amount.amount, p.amount.currency)}</Typography.Text> },
          { title: t('payment.method'), key: 'method', width: 120, render: (_, p) => t(`paymentMethod.${p.method}`) },
          { title: t('payment.externalRef'), key: 'externalRef', width: 200, render: (_, p) => <span data-testid="payment-ref-cell">{p.externalRef}</span> },
          { title: t('payment.invoices'), key: 'invoices', width: 200, render: (_, p) => p.invoices.map((i) => i.number).join('、') || '—' },
          {
            title: t('payment.unallocated'),
            key: 'unallocated',
            width: 140,
            align: 'right',
            render: (_, p) => <Typography.Text type={isPositive(p.unallocated.amount) ? 'warning' : 'secondary'}>{format.money(p.unallocated.amount, p.unallocated.currency)}</Typography.Text>,
          },
          { title: t('payment.note'), key: 'note', width: 140, render: (_, p) => p.note ?? '—' },
        ]}
      />
      {keeper && <RecordPaymentDrawer open={recording} distributorId={filter.distributorId} knownIds={page?.nodes.map((p) => p.id) ?? []} onClose={() => setRecording(false)} />}
    </Card>
  );
}
