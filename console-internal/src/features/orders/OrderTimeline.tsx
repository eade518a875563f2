import { Card, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import type { OrderDetailFragment } from '../../gql/graphql';
import { OrderStatusTag } from './OrderStatusTag';

const COLOR: Record<string, string> = { REJECT: 'red', CANCEL: 'red', REVERSE_SHIPMENT: 'orange', ADJUST_PRICE: 'orange', CLOSE: 'gray' };

/** Every move of the order, oldest first: what, who, when and why. */
export function OrderTimeline({ events }: { events: OrderDetailFragment['events'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('order.timeline')} style={{ marginBottom: 16 }}>
      {events.length === 0 ? (
        <EmptyState />
      ) : (
        <Timeline
          data-testid="order-timeline"
          items={[...events]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((e) => ({
              key: e.id,
              color: COLOR[e.action] ?? 'blue',
              content: (
                <>
                  <Space size={4} wrap>
                    <Typography.Text strong>{t(`orderAction.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                    {e.fromStatus && e.fromStatus !== e.toStatus && (
                      <>
                        <OrderStatusTag status={e.fromStatus} />→
                      </>
                    )}
                    {e.fromStatus !== e.toStatus && <OrderStatusTag status={e.toStatus} />}
                  </Space>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[e.actor?.displayName, format.dateTime(e.createdAt)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {e.reason && <div>{e.reason}</div>}
                </>
              ),
            }))}
        />
      )}
    </Card>
  );
}
