import { useState, type ReactNode } from 'react';
import { Button, Popconfirm, Space, type ButtonProps } from 'antd';
import {
  CheckOutlined,
  CloseCircleOutlined,
  FileDoneOutlined,
  SendOutlined,
  StopOutlined,
  CarOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';
import type { OrderDetailFragment } from '../../gql/graphql';
import { ReasonModal } from './ReasonModal';
import { ShipmentDrawer } from './ShipmentDrawer';
import { useOrderMoves } from './useOrderMoves';

type Dialog = 'reject' | 'cancel' | 'ship' | null;

const SHIPPABLE: string[] = [OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED];

/**
 * The order desk's moves from where the order stands, as ORDER_TRANSITIONS allows them: approve or
 * reject what was submitted, ship what is approved, confirm delivery, close; cancel before anything ships.
 */
export function OrderActions({ order }: { order: OrderDetailFragment }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { moves, confirmed, approve, deliver, close, reject, cancel } = useOrderMoves(order);

  const quick = (
    key: string,
    title: string,
    label: string,
    icon: ReactNode,
    run: () => Promise<unknown>,
    primary = false,
  ) => (
    <Popconfirm
      key={key}
      title={title}
      okText={label}
      cancelText={t('action.cancel')}
      onConfirm={confirmed(run, t(`order.done.${key}`))}
      okButtonProps={{ 'data-testid': `${key}-confirm` } as ButtonProps}
    >
      <Button type={primary ? 'primary' : 'default'} icon={icon} data-testid={`${key}-open`}>
        {label}
      </Button>
    </Popconfirm>
  );

  const buttons = [
    order.status === OrderStatus.SUBMITTED &&
      moves.includes(OrderStatus.APPROVED) &&
      quick('approve', t('order.approveConfirm'), t('order.approve'), <CheckOutlined />, approve, true),
    moves.includes(OrderStatus.REJECTED) && (
      <Button
        key="reject"
        danger
        icon={<CloseCircleOutlined />}
        onClick={() => setDialog('reject')}
        data-testid="reject-open"
      >
        {t('order.reject')}
      </Button>
    ),
    SHIPPABLE.includes(order.status) && order.lines.some((l) => l.openQuantity > 0) && (
      <Button
        key="ship"
        type="primary"
        icon={<SendOutlined />}
        onClick={() => setDialog('ship')}
        data-testid="ship-open"
      >
        {t('order.ship')}
      </Button>
    ),
    moves.includes(OrderStatus.DELIVERED) &&
      quick('deliver', t('order.deliverConfirm'), t('order.deliver'), <CarOutlined />, deliver, true),
    moves.includes(OrderStatus.CLOSED) &&
      quick('close', t('order.closeConfirm'), t('order.close'), <FileDoneOutlined />, close),
    moves.includes(OrderStatus.CANCELLED) && (
      <Button key="cancel" icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-testid="cancel-open">
        {t('order.cancel')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {buttons.length > 0 && (
        <Space wrap data-testid="order-actions">
          {buttons}
        </Space>
      )}
      <ReasonModal
        open={dialog === 'reject'}
        title={t('order.rejectTitle', { number: order.number })}
        okText={t('order.reject')}
        label={t('order.rejectReason')}
        placeholder={t('order.rejectReasonPlaceholder')}
        danger
        testId="reject"
        run={reject}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('order.cancelTitle', { number: order.number })}
        okText={t('order.cancel')}
        label={t('order.cancelReason')}
        help={t('order.cancelHelp')}
        danger
        testId="cancel"
        run={cancel}
        onClose={() => setDialog(null)}
      />
      <ShipmentDrawer order={order} open={dialog === 'ship'} onClose={() => setDialog(null)} />
    </>
  );
}
