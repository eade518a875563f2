import { App, Button, Card, Popconfirm, Switch, Typography, type ButtonProps } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useCodedError } from '@medchannel/web-shared/kernel';
import {
  OutboxEventsDocument,
  RedeliverEventDocument,
  WebhookEndpointDocument,
  type OutboxEventRowFragment,
} from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { EventRecord, EventState } from './OutboxCells';

const PAGE_SIZE = 10;

/** What the ERP is told, newest first: delivered, or waiting (and why) with the last error; the admin resends. */
export function OutboxCard({ canResend }: { canResend: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const { params, setFilter } = useUrlFilters();
  const pendingOnly = params.get('pending') === '1';
  const pages = useKeysetPages(String(pendingOnly));
  const { data, previousData, loading, error, refetch } = useQuery(OutboxEventsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, pendingOnly },
  });
  // the same query as the address card above: answered from the cache
  const endpoint = useQuery(WebhookEndpointDocument).data?.webhookEndpoint;
  const sending = !!endpoint?.enabled;
  const page = (data ?? previousData)?.outboxEvents;
  const [redeliver] = useMutation(RedeliverEventDocument, { refetchQueries: ['OutboxEvents', 'WebhookDeliveries'] });
  const explain = useCodedError({ prefix: 'financeError' });

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
          {t('erp.pendingOnly')}{' '}
          <Switch
            size="small"
            checked={pendingOnly}
            onChange={(on) => setFilter('pending', on ? '1' : undefined)}
            data-testid="outbox-pending"
          />
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
          {
            title: t('erp.type'),
            key: 'type',
            render: (_, e) => t(`erp.eventType.${e.type}`, { defaultValue: e.type }),
          },
          { title: t('erp.entity'), key: 'entity', width: 200, render: (_, e) => <EventRecord event={e} /> },
          {
            title: t('erp.attempts'),
            key: 'attempts',
            width: 80,
            align: 'right',
            render: (_, e) => format.number(e.attempts),
          },
          { title: t('erp.state'), key: 'state', render: (_, e) => <EventState event={e} sending={sending} /> },
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
