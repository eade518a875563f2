import './strings';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';

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

export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status as OrderStatus] ?? 'default'} data-testid={`order-status-${status}`}>
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}
