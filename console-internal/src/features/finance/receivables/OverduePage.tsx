import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { chinaToday, daysBetween, sum } from '@medchannel/web-shared/kernel';
import { CollectionPlanDocument, type CollectionPlanQuery } from '../../../gql/graphql';
import { AccountFilterBar, useAccountFilter } from '../AccountFilters';

type Item = CollectionPlanQuery['collectionPlan'][number];

/** Days past due that turn a late item from a reminder into a call. */
const LATE = [
  { days: 60, color: 'red' },
  { days: 30, color: 'volcano' },
  { days: 0, color: 'orange' },
];

/** 逾期: every receivable past its collection date, oldest due first, what is still open of each. */
export default function OverduePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = chinaToday();
  const { filter, filtered } = useAccountFilter();
  const { data, previousData, loading, error, refetch } = useQuery(CollectionPlanDocument, {
    variables: { to: today, filter },
  });
  const plan = (data ?? previousData)?.collectionPlan;
  const items = (plan ?? [])
    .filter((i) => i.overdue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.occurredOn.localeCompare(b.occurredOn));
  const total = sum(items.map((i) => i.outstanding.amount));
  const accounts = new Set(items.map((i) => i.distributor?.id)).size;

  if (error && !plan) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <AccountFilterBar />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('overdue.total')}
              value={format.money(total)}
              styles={{ content: { color: '#cf1322' } }}
              data-testid="overdue-total"
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('overdue.items')} value={format.number(items.length)} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('overdue.accounts')} value={format.number(accounts)} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table<Item>
          rowKey="entryId"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="overdue-list"
          locale={{
            emptyText: loading ? (
              ' '
            ) : (
              <EmptyState
                title={filtered ? t('finance.noMatch') : t('overdue.none')}
                description={filtered ? undefined : t('overdue.noneDescription')}
              />
            ),
          }}
          columns={[
            {
              title: t('finance.distributor'),
              key: 'distributor',
              render: (_, i) =>
                i.distributor ? (
                  <Link to={`/finance/statements?distributor=${i.distributor.id}`}>{i.distributor.name}</Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('overdue.what'),
              key: 'what',
              render: (_, i) => (
                <>
                  <div>{t(`ledgerKind.${i.kind}`)}</div>
                  {i.memo && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.memo}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('overdue.occurredOn'),
              key: 'occurredOn',
              width: 120,
              render: (_, i) => format.date(i.occurredOn),
            },
            { title: t('overdue.dueOn'), key: 'dueOn', width: 120, render: (_, i) => format.date(i.dueOn) },
            {
              title: t('overdue.late'),
              key: 'late',
              width: 120,
              render: (_, i) => {
                const days = daysBetween(i.dueOn, today);
                return (
                  <Tag color={LATE.find((l) => days > l.days)?.color ?? 'orange'}>
                    {t('overdue.days', { count: days })}
                  </Tag>
                );
              },
            },
            { title: t('overdue.amount'), key: 'amount', align: 'right', render: (_, i) => format.money(i.amount) },
            {
              title: t('overdue.outstanding'),
              key: 'outstanding',
              align: 'right',
              render: (_, i) => <Typography.Text type="danger">{format.money(i.outstanding)}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </>
  );
}
