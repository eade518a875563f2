import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Popconfirm } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, RedoOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { CancelOrderDocument, ConfirmDeliveryDocument, type PartnerOrderFragment } from '../../gql/graphql';
import { useCart, type CartLine } from './place/cart';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { ORDER_ERRORS } from './orderErrors';

/** What the distributor may do with its order: cancel it before approval, confirm delivery once shipped, order the same again. */
export function OrderActions({ order }: { order: PartnerOrderFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cart, replace } = useCart();
  const explain = useCodedError(ORDER_ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const onError = (error: unknown) => setFailure(explain(error).message);
  const [cancel, cancelling] = useMutation(CancelOrderDocument, { onError });
  const [confirm, confirming] = useMutation(ConfirmDeliveryDocument, { onError });
  const versioned = { id: order.id, expectedVersion: order.version };

  const reorder = () => {
    const lines: CartLine[] = order.lines.flatMap((l) =>
      l.product
        ? [
            {
              productId: l.product.id,
              code: l.product.code,
              name: l.product.name,
              unitPrice: l.unitPrice.amount,
              currency: l.unitPrice.currency,
              quantity: l.quantity,
            },
          ]
        : [],
    );
    replace(
      lines,
      order.kind as OrderKind,
      order.hospital ? { id: order.hospital.id, name: order.hospital.name } : null,
    );
    navigate('/orders/cart');
  };
  const reorderButton = (
    <Button icon={<RedoOutlined />} onClick={cart.lines.length ? undefined : reorder} data-testid="order-reorder">
      {t('order.reorder')}
    </Button>
  );

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {cart.lines.length ? (
          <Popconfirm
            title={t('order.reorderReplaces')}
            okText={t('order.reorderConfirm')}
            cancelText={t('action.cancel')}
            onConfirm={reorder}
          >
            {reorderButton}
          </Popconfirm>
        ) : (
          reorderButton
        )}
        {order.status === OrderStatus.SHIPPED && (
          <Popconfirm
            title={t('order.confirmDeliveryTitle')}
            description={t('order.confirmDeliveryText')}
            okText={t('order.confirmDelivery')}
            cancelText={t('action.cancel')}
            onConfirm={() => {
              setFailure(null);
              return confirm({ variables: versioned });
            }}
          >
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={confirming.loading}
              data-testid="order-confirm-delivery"
            >
              {t('order.confirmDelivery')}
            </Button>
          </Popconfirm>
        )}
        {order.status === OrderStatus.SUBMITTED && (
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelOpen(true)} data-testid="order-cancel">
            {t('order.cancel')}
          </Button>
        )}
      </Flex>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          closable={{ onClose: () => setFailure(null) }}
          data-testid="order-action-error"
        />
      )}
      <Modal
        open={cancelOpen}
        title={t('order.cancelTitle', { number: order.number })}
        okText={t('order.cancel')}
        okButtonProps={{ danger: true, loading: cancelling.loading, 'data-testid': 'order-cancel-confirm' }}
        cancelText={t('action.cancel')}
        onCancel={() => setCancelOpen(false)}
        onOk={async () => {
          setFailure(null);
          await cancel({ variables: { ...versioned, reason: reason.trim() || null } });
          setCancelOpen(false);
        }}
        destroyOnHidden
      >
        <p>{t('order.cancelText')}</p>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          rows={3}
          placeholder={t('order.cancelReason')}
          data-testid="order-cancel-reason"
        />
      </Modal>
    </Flex>
  );
}
