import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';
import { addOrderStrings } from './strings';

addOrderStrings();

const COLOR: Record<OrderStatus, string> = {
  [OrderStatus.SUBMITTED]: 'processing',
  [OrderStatus.APPROVED]: 'cyan',
  [OrderStatus.REJECTED]: 'red',
  [OrderStatus.PARTIALLY_SHIPPED]: 'gold',
  [OrderStatus.SHIPPED]: 'geekblue',
  [OrderStatus.DELIVERED]: 'green',
  [OrderStatus.CLOSED]: 'default',
  [OrderStatus.CANCELLED]: 'default',
};

/** The order's status in the app's words (`orderStatus.*`); `order-status-<STATUS>` for tests. */
export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COLOR[status as OrderStatus] ?? 'default'}
      data-testid={`order-status-${status}`}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}
