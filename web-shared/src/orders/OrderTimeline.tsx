import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { OrderStatusTag } from './OrderStatusTag';

/** One move of an order, as `Order.events` answers it. */
export interface OrderTimelineEvent {
  id: string;
  action: string;
  fromStatus?: string | null;
  toStatus: string;
  reason?: string | null;
  createdAt: string;
  actor?: { displayName: string } | null;
}

const COLOR: Record<string, string> = {
  REJECT: 'red',
  CANCEL: 'red',
  REVERSE_SHIPMENT: 'orange',
  ADJUST_PRICE: 'orange',
  DELIVER: 'green',
  CLOSE: 'gray',
};

/**
 * Every move of the order, oldest first: what (`orderAction.*`), the status it led to, who, when
 * and why. `unknownActor` names a mover the viewer may not see (for a partner: the brand).
 */
export function OrderTimeline({
  events,
  unknownActor,
}: {
  events: readonly OrderTimelineEvent[];
  unknownActor?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline
      data-testid="order-timeline"
      items={[...events]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((e) => ({
          key: e.id,
          color: COLOR[e.action] ?? 'blue',
          content: (
            <div data-testid={`event-${e.action}`}>
              <Typography.Text strong style={{ marginRight: 6 }}>
                {t(`orderAction.${e.action}`, { defaultValue: e.action })}
              </Typography.Text>
              {e.fromStatus !== e.toStatus && <OrderStatusTag status={e.toStatus} />}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {[e.actor?.displayName ?? unknownActor, format.dateTime(e.createdAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
              {e.reason && <div>{e.reason}</div>}
            </div>
          ),
        }))}
    />
  );
}
