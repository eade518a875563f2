import { useState } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { isPositive } from '@medchannel/web-shared/kernel';
import { PaymentsDocument, type PaymentsQuery } from '../../../gql/graphql';
import { AccountList, useAccountList } from '../AccountList';
import { RecordPaymentDrawer } from './RecordPaymentDrawer';
import { AccountCreditModal } from '../credits/AccountCreditModal';
import { rowData } from '../../../components/rowData';

type Row = PaymentsQuery['payments']['nodes'][number];

/** 回款: money received, newest first, with the invoices it settled and what is left as credit. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const account = useAccountList();
  const { data, previousData, loading, error, refetch } = useQuery(PaymentsDocument, { variables: account.variables });
  const page = (data ?? previousData)?.payments;
  const [crediting, setCrediting] = useState(false);

  return (
    <AccountList<Row>
      account={account}
      kind="payments"
      add={{ icon: <PlusOutlined />, label: t('payment.record'), testId: 'payment-record-open' }}
      none={{ title: t('payment.none'), description: t('payment.noneDescription') }}
      more={
        <>
          <Button onClick={() => setCrediting(true)} data-testid="credit-open">
            {t('credit.open')}
          </Button>
          <AccountCreditModal
            open={crediting}
            distributorId={account.filter.distributorId}
            onClose={() => setCrediting(false)}
          />
        </>
      }
      drawer={
        <RecordPaymentDrawer
          open={account.adding}
          distributorId={account.filter.distributorId}
          knownIds={page?.nodes.map((p) => p.id) ?? []}
          onClose={() => account.setAdding(false)}
        />
      }
      list={{ page, loading, error, refetch }}
      totalTestId="payment-total"
      scroll={{ x: 1260 }}
      data-testid="payment-list"
      onRow={(p) => rowData({ 'data-ref': p.externalRef })}
      columns={[
        {
          title: t('payment.receivedOn'),
          key: 'receivedOn',
          width: 120,
          render: (_, p) => format.date(p.receivedOn),
        },
        {
          title: t('finance.distributor'),
          key: 'distributor',
          width: 220,
          ellipsis: true,
          render: (_, p) => p.distributor?.name ?? '—',
        },
        {
          title: t('payment.amount'),
          key: 'amount',
          width: 150,
          align: 'right',
          render: (_, p) => <Typography.Text strong>{format.money(p.amount)}</Typography.Text>,
        },
        { title: t('payment.method'), key: 'method', width: 120, render: (_, p) => t(`paymentMethod.${p.method}`) },
        {
          title: t('payment.externalRef'),
          key: 'externalRef',
          width: 200,
          render: (_, p) => <span data-testid="payment-ref-cell">{p.externalRef}</span>,
        },
        {
          title: t('payment.invoices'),
          key: 'invoices',
          width: 200,
          render: (_, p) => p.invoices.map((i) => i.number).join('、') || '—',
        },
        {
          title: t('payment.unallocated'),
          key: 'unallocated',
          width: 140,
          align: 'right',
          render: (_, p) => (
            <Typography.Text type={isPositive(p.unallocated.amount) ? 'warning' : 'secondary'}>
              {format.money(p.unallocated)}
            </Typography.Text>
          ),
        },
        { title: t('payment.note'), key: 'note', width: 140, render: (_, p) => p.note ?? '—' },
      ]}
    />
  );
}
