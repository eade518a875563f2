import { Card, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { WebhookDeliveriesDocument, type WebhookDeliveriesQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';

type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['nodes'][number];

const PAGE_SIZE = 10;

/** Every attempt to deliver, newest first: where it went, what came back, how long it took. */
export function DeliveriesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = useKeysetPages('');
  const { data, previousData, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const page = (data ?? previousData)?.webhookDeliveries;

  return (
    <Card title={t('erp.deliveries')} data-testid="delivery-log">
      <PagedTable<Delivery>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="delivery-total"
        scroll={{ x: 1000 }}
        data-testid="delivery-list"
        empty={<EmptyState title={t('erp.noDeliveries')} description={t('erp.noDeliveriesDescription')} />}
        columns={[
          { title: t('erp.sentAt'), key: 'createdAt', width: 170, render: (_, d) => format.dateTime(d.createdAt) },
          {
            title: t('erp.type'),
            key: 'type',
            render: (_, d) => (d.event ? t(`erp.eventType.${d.event.type}`, { defaultValue: d.event.type }) : '—'),
          },
          {
            title: t('erp.attempt'),
            key: 'attempt',
            width: 70,
            align: 'right',
            render: (_, d) => format.number(d.attempt),
          },
          { title: t('erp.url'), key: 'url', ellipsis: true, render: (_, d) => d.url },
          {
            title: t('erp.answer'),
            key: 'answer',
            width: 120,
            render: (_, d) => <Tag color={d.ok ? 'green' : 'red'}>{d.statusCode ?? t('erp.noAnswer')}</Tag>,
          },
          {
            title: t('erp.duration'),
            key: 'duration',
            width: 100,
            align: 'right',
            render: (_, d) => t('erp.ms', { ms: format.number(d.durationMs) }),
          },
          {
            title: t('erp.error'),
            key: 'error',
            render: (_, d) =>
              d.error ? (
                <Typography.Text type="danger">
                  {t(`erp.failure.${d.error}`, { defaultValue: d.error })}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
