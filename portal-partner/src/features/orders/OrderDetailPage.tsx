import './strings';
import { Alert, Card, Descriptions, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { OrderStatusTag, OrderTimeline } from '@medchannel/web-shared/orders';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { OrderDocument, type PartnerOrderFragment } from '../../gql/graphql';
import { NOTICE_TARGETS } from '../../components/paths';
import { OrderActions } from './OrderActions';
import { OrderLinesCard } from './OrderLinesCard';
import { ShipmentsCard } from './ShipmentsCard';
import './orders.css';

/** One order as the distributor follows it: what was ordered, where it stands, what has shipped, what it may do. */
export default function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('order', id);
  const { data, error, refetch } = useQuery(OrderDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  const order = data.order;

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={<span data-testid="order-number">{order.number}</span>}
        subtitle={order.kind === OrderKind.STOCK ? t('orderKind.STOCK') : order.hospital?.name}
        extra={
          <span data-testid="order-status" data-status={order.status}>
            <OrderStatusTag status={order.status} />
          </span>
        }
      />
      <Outcome order={order} />
      <Summary order={order} />
      <OrderActions order={order} />
      <OrderLinesCard order={order} />
      <ShipmentsCard order={order} />
      <Card size="small" title={t('order.timeline')}>
        <OrderTimeline events={order.events} unknownActor={t('order.brand')} />
      </Card>
    </Flex>
  );
}

/** Why a closed-off order stopped: the brand's reason for rejecting or cancelling it. */
function Outcome({ order }: { order: PartnerOrderFragment }) {
  const { t } = useTranslation();
  if (order.status !== OrderStatus.REJECTED && order.status !== OrderStatus.CANCELLED) return null;
  const last = [...order.events].reverse().find((e) => e.toStatus === order.status);
  return (
    <Alert
      type={order.status === OrderStatus.REJECTED ? 'error' : 'warning'}
      showIcon
      data-testid="order-outcome"
      title={t(`order.outcome.${order.status}`)}
      description={last?.reason ? t('order.outcome.reason', { reason: last.reason }) : undefined}
    />
  );
}

function Summary({ order }: { order: PartnerOrderFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'kind', label: t('order.kind'), children: t(`orderKind.${order.kind}`) },
          { key: 'hospital', label: t('order.hospital'), children: order.hospital?.name },
          {
            key: 'tender',
            label: t('order.tender'),
            children: order.tender && order.opportunity && (
              <Link to={NOTICE_TARGETS.opportunity(order.opportunity.id)}>{order.tender.number}</Link>
            ),
          },
          { key: 'placedBy', label: t('order.placedBy'), children: order.placedBy?.displayName },
          { key: 'submittedAt', label: t('order.submittedAt'), children: format.dateTime(order.submittedAt) },
          {
            key: 'total',
            label: t('order.total'),
            children: (
              <span className="pp-amount" data-testid="order-total">
                {format.money(order.total.amount, order.total.currency)}
              </span>
            ),
          },
          {
            key: 'shipped',
            label: t('order.shippedTotal'),
            children: format.money(order.shippedTotal.amount, order.shippedTotal.currency),
          },
          { key: 'note', label: t('order.note'), children: order.note },
        ].filter((item) => item.children)}
      />
    </Card>
  );
}
