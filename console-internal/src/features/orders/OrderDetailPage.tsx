import './strings';
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { can, OrderStatus } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { OrderDocument } from '../../gql/graphql';
import { canUse } from '../../app/nav';
import { CreditCard } from '../../components/credit/CreditCard';
import { OrderActions } from './OrderActions';
import { OrderLinesCard } from './OrderLinesCard';
import { OrderStatusTag, OrderTimeline } from '@medchannel/web-shared/orders';
import { ShipmentsCard } from './ShipmentsCard';

/** Prices may change only before anything ships (the API's rule). */
const PRICED: string[] = [OrderStatus.SUBMITTED, OrderStatus.APPROVED];
/** Why an order ended where it did, from its last move. */
const ENDED: string[] = [OrderStatus.REJECTED, OrderStatus.CANCELLED];

/** One order: its actions in the header; summary and credit beside the timeline; then lines and shipments at full width. */
export default function OrderDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('order', id);
  const { data, error, refetch } = useQuery(OrderDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const o = data?.order;
  if (!o) return <LoadingState />;
  const desk = can(user.role, 'order.approve');
  const ended = ENDED.includes(o.status)
    ? [...o.events].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).find((e) => e.toStatus === o.status)
    : undefined;
  const hospital = o.hospital ? (
    canUse(user.role, 'hospitals') ? (
      <Link to={`/hospitals/${o.hospital.id}`}>{o.hospital.name}</Link>
    ) : (
      o.hospital.name
    )
  ) : (
    t('orderKind.STOCK')
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/orders">{t('nav.orders')}</Link> }, { title: o.number }]}
      />
      <PageHeader
        title={
          <Space>
            {o.number}
            <OrderStatusTag status={o.status} />
          </Space>
        }
        subtitle={[o.distributor?.name, o.hospital?.name ?? t('orderKind.STOCK')].filter(Boolean).join(' · ')}
        extra={desk && <OrderActions order={o} />}
      />
      {ended && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="order-ended"
          title={t(`order.ended.${o.status}`)}
          description={[
            ended.reason,
            ended.actor?.displayName && `${ended.actor.displayName} · ${format.dateTime(ended.createdAt)}`,
          ]
            .filter(Boolean)
            .join(' — ')}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('order.summary')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('order.distributor')}>
                {o.distributor ? (
                  canUse(user.role, 'distributors') ? (
                    <Link to={`/distributors/${o.distributor.id}`}>{o.distributor.name}</Link>
                  ) : (
                    o.distributor.name
                  )
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('order.hospital')}>{hospital}</Descriptions.Item>
              {o.tender && (
                <Descriptions.Item label={t('order.tender')}>
                  {o.opportunity && canUse(user.role, 'opportunities') ? (
                    <Link to={`/opportunities/${o.opportunity.id}`}>{o.tender.number}</Link>
                  ) : (
                    o.tender.number
                  )}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('order.kind')}>{t(`orderKind.${o.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('order.placedBy')}>{o.placedBy?.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.submittedAt')}>{format.dateTime(o.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('order.total')}>{format.money(o.total)}</Descriptions.Item>
              <Descriptions.Item label={t('order.shippedTotal')}>{format.money(o.shippedTotal)}</Descriptions.Item>
              {o.note && (
                <Descriptions.Item label={t('order.note')}>
                  <Typography.Text>{o.note}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {/* What approving would weigh: the distributor's credit as it stands. */}
          {o.distributor && <CreditCard distributorId={o.distributor.id} compact />}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('order.timeline')} style={{ marginBottom: 16 }}>
            <OrderTimeline events={o.events} />
          </Card>
        </Col>
      </Row>
      <OrderLinesCard order={o} canAdjust={desk && PRICED.includes(o.status)} />
      <ShipmentsCard order={o} canAct={desk} />
    </>
  );
}
