import { App, Button, Card, Popconfirm, Switch, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { OutboxEventsDocument, RedeliverEventDocument, WebhookDeliveriesDocument, type OutboxEventRowFragment, type WebhookDeliveriesQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { useFinanceFailure } from '../useFinanceFailure';

type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['nodes'][number];

const PAGE_SIZE = 10;
const short = (id: string) => id.slice(0, 8);

/** What the ERP is told, newest first: delivered, or waiting for its next attempt with the last error; the admin resends. */
export function OutboxCard({ canResend }: { canResend: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const { params, setFilter } = useUrlFilters();
  const pendingOnly = params.get('pending') === '1';
  const pages = useKeysetPages(String(pendingOnly));
  const { data, previousData, loading, error, refetch } = useQuery(OutboxEventsDocument, { variables: { first: PAGE_SIZE, after: pages.after, pendingOnly } });
  const page = (data ?? previousData)?.outboxEvents;
  const [redeliver] = useMutation(RedeliverEventDocument, { refetchQueries: ['OutboxEvents', 'WebhookDeliveries'] });
  const explain = useFinanceFailure();

  const resend = async (id: string) => {
    try {
      await redeliver({ variables: { eventId: id } });
      void message.success(t('erp.resent'));
    } catch (e) {
      void message.error(explain(e).message);
    }
  };

  return (
    <Card
      title={t('erp.outbox')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text>
          {t('erp.pendingOnly')} <Switch size="small" checked={pendingOnly} onChange={(on) => setFilter('pending', on ? '1' : undefined)} data-testid="outbox-pending" />
        </Typography.Text>
      }
    >
      <PagedTable<OutboxEventRowFragment>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="outbox-total"
        scroll={{ x: 1000 }}
        data-testid="outbox-list"
        empty={<EmptyState title={pendingOnly ? t('erp.nothingPending') : t('erp.noEvents')} />}
        columns={[
          { title: t('erp.createdAt'), key: 'createdAt', width: 170, render: (_, e) => format.dateTime(e.createdAt) },
          { title: t('erp.type'), key: 'type', render: (_, e) => t(`erp.eventType.${e.type}`, { defaultValue: e.type }) },
          { title: t('erp.entity'), key: 'entity', width: 160, render: (_, e) => <Tooltip title={e.entityId}>{`${e.entity} · ${short(e.entityId)}`}</Tooltip> },
          { title: t('erp.attempts'), key: 'attempts', width: 80, align: 'right', render: (_, e) => format.number(e.attempts) },
          {
            title: t('erp.state'),
            key: 'state',
            render: (_, e) =>
              e.deliveredAt ? (
                <Tag color="green">{t('erp.deliveredAt', { when: format.dateTime(e.deliveredAt) })}</Tag>
              ) : (
                <>
                  <Tag color="gold">{t('erp.pendingUntil', { when: format.dateTime(e.nextAttemptAt) })}</Tag>
                  {e.lastError && <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>{t(`erp.failure.${e.lastError}`, { defaultValue: e.lastError })}</Typography.Text>}
                </>
              ),
          },
          ...(canResend
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 90,
                  render: (_: unknown, e: OutboxEventRowFragment) => (
                    <Popconfirm
                      title={t('erp.resendConfirm')}
                      okText={t('erp.resend')}
                      cancelText={t('action.cancel')}
                      onConfirm={() => resend(e.id)}
                      okButtonProps={{ 'data-testid': 'outbox-resend-confirm' } as ButtonProps}
                    >
                      <Button size="small" data-testid="outbox-resend">
                        {t('erp.resend')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Every attempt to deliver, newest first: where it went, what came back, how long it took. */
export function DeliveriesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = useKeysetPages('');
  const { data, previousData, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, { variables: { first: PAGE_SIZE, after: pages.after } });
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
          { title: t('erp.type'), key: 'type', render: (_, d) => (d.event ? t(`erp.eventType.${d.event.type}`, { defaultValue: d.event.type }) : '—') },
          { title: t('erp.attempt'), key: 'attempt', width: 70, align: 'right', render: (_, d) => format.number(d.attempt) },
          { title: t('erp.url'), key: 'url', ellipsis: true, render: (_, d) => d.url },
          {
            title: t('erp.answer'),
            key: 'answer',
            width: 120,
            render: (_, d) => <Tag color={d.ok ? 'green' : 'red'}>{d.statusCode ?? t('erp.noAnswer')}</Tag>,
          },
          { title: t('erp.duration'), key: 'duration', width: 100, align: 'right', render: (_, d) => t('erp.ms', { ms: format.number(d.durationMs) }) },
          { title: t('erp.error'), key: 'error', render: (_, d) => (d.error ? <Typography.Text type="danger">{t(`erp.failure.${d.error}`, { defaultValue: d.error })}</Typography.Text> : '—') },
        ]}
      />
    </Card>
  );
}
