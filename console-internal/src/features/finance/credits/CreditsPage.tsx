import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { can } from '@medchannel/shared-schema';
import { AccountCreditsDocument, type AccountCreditsQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { rowData } from '../../../components/rowData';
import { AccountCreditModal } from './AccountCreditModal';
import { CreditFilterBar, useCreditFilter } from './CreditFilters';

type Row = AccountCreditsQuery['accountCredits']['nodes'][number];

const PAGE_SIZE = 20;

/** 折让返利: the credit notes and rebates posted by hand, newest day first, each with its reason; the keeper posts one here. */
export default function CreditsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { filter, key, filtered } = useCreditFilter();
  const pages = useKeysetPages(key);
  const { data, previousData, loading, error, refetch } = useQuery(AccountCreditsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const page = (data ?? previousData)?.accountCredits;
  const [posting, setPosting] = useState(false);
  const keeper = can(user.role, 'finance.keepAccounts');

  return (
    <Card>
      <CreditFilterBar
        extra={
          keeper && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="credit-open">
              {t('credit.open')}
            </Button>
          )
        }
      />
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        empty={
          <EmptyState
            title={filtered ? t('finance.noMatch') : t('credit.none')}
            description={filtered ? undefined : t('credit.noneDescription')}
          />
        }
        totalTestId="credit-total"
        data-testid="credit-list"
        scroll={{ x: 1100 }}
        onRow={(c) => rowData({ 'data-code': c.distributor?.code ?? '', 'data-kind': c.kind })}
        columns={[
          { title: t('credit.occurredOn'), key: 'occurredOn', width: 120, render: (_, c) => format.date(c.occurredOn) },
          {
            title: t('finance.distributor'),
            key: 'distributor',
            width: 220,
            ellipsis: true,
            render: (_, c) => c.distributor?.name ?? '—',
          },
          { title: t('credit.kind'), key: 'kind', width: 90, render: (_, c) => t(`ledgerKind.${c.kind}`) },
          {
            title: t('payment.amount'),
            key: 'amount',
            width: 140,
            align: 'right',
            render: (_, c) => <Typography.Text strong>{format.money(c.amount)}</Typography.Text>,
          },
          {
            title: t('credit.reason'),
            key: 'reason',
            render: (_, c) => <span data-testid="credit-reason-cell">{c.reason}</span>,
          },
          {
            title: t('credit.postedBy'),
            key: 'postedBy',
            width: 120,
            render: (_, c) => c.postedBy?.displayName ?? '—',
          },
        ]}
      />
      {keeper && (
        <AccountCreditModal open={posting} distributorId={filter.distributorId} onClose={() => setPosting(false)} />
      )}
    </Card>
  );
}
