import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import {
  QuoteModal,
  SubmitTenderDocument,
  TenderLetters,
  type TenderDetailFragment,
} from '@medchannel/web-shared/opportunities';
import { NOTICE_TARGETS } from '../../../components/paths';
import { PlaceOrderModal } from './PlaceOrderModal';

const STATUS_COLOR: Record<string, string> = { OPEN: 'blue', SUBMITTED: 'purple', WON: 'green', LOST: 'default' };
const QUOTE_COLOR: Record<string, string> = { PENDING_APPROVAL: 'orange', USABLE: 'green', REJECTED: 'red' };

/** One tender on the phone: its dates and budget, each quote with its floor and state, add a quote, submit. */
export function MyTenderCard({ tender: td, manages }: { tender: TenderDetailFragment; manages: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const explain = useCodedError({ prefix: 'tender.error', reload: ['Tenders'] });
  const [failure, setFailure] = useState<string | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const orders = can(useCurrentUser().role, 'order.place');
  const [submit, submitting] = useMutation(SubmitTenderDocument, {
    onError: (error) => setFailure(explain(error).message),
  });
  const open = td.status === 'OPEN';
  const waiting = td.quotes.some((q) => q.status === 'PENDING_APPROVAL');
  const usable = td.quotes.some((q) => q.status === 'USABLE');

  return (
    <Flex vertical gap={8} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{td.number}</Typography.Text>
        <Tag color={STATUS_COLOR[td.status]}>{t(`tender.status.${td.status}`)}</Tag>
      </Flex>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('tender.purchaser')}>{td.purchaser}</Descriptions.Item>
        <Descriptions.Item label={t('tender.budget')}>{format.money(td.budget)}</Descriptions.Item>
        <Descriptions.Item label={t('tender.registrationDeadline')}>
          {format.date(td.registrationDeadline)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tender.bidOpeningAt')}>{format.dateTime(td.bidOpeningAt)}</Descriptions.Item>
        {td.winner && <Descriptions.Item label={t('tender.winner')}>{td.winner}</Descriptions.Item>}
      </Descriptions>
      <List
        size="small"
        header={<Typography.Text type="secondary">{t('tender.quotes')}</Typography.Text>}
        locale={{ emptyText: t('tender.noQuotes') }}
        dataSource={td.quotes}
        renderItem={(q) => (
          <List.Item key={q.id}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text>{q.product?.name ?? '—'}</Typography.Text>
                <Tag color={QUOTE_COLOR[q.status]}>{t(`tender.quoteStatus.${q.status}`)}</Tag>
              </Flex>
              <Typography.Text>
                {`${t('tender.price')} ${format.money(q.price)} · ${t('tender.floorPrice')} ${
                  q.floorPrice ? format.money(q.floorPrice) : t('tender.noFloor')
                }`}
              </Typography.Text>
              {q.reason && <Typography.Text type="secondary">{q.reason}</Typography.Text>}
              {q.decisionNote && (
                <Typography.Text type="secondary">{t('tender.decisionNote', { note: q.decisionNote })}</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {td.status === 'WON' && (
        <Flex vertical gap={4} data-testid="tender-orders">
          <Typography.Text type="secondary">{t('tender.orders')}</Typography.Text>
          {td.orders.length === 0 && <Typography.Text type="secondary">{t('tender.noOrders')}</Typography.Text>}
          {td.orders.map((o) => (
            <Link key={o.id} to={NOTICE_TARGETS.order(o.id)}>
              {o.number}
            </Link>
          ))}
          {orders && !td.orders.some((o) => o.status !== 'CANCELLED' && o.status !== 'REJECTED') && (
            <Button type="primary" size="large" block onClick={() => setOrdering(true)}>
              {t('tender.placeOrder')}
            </Button>
          )}
        </Flex>
      )}
      {/* the brand's letters authorizing the bid, to download and hand in with it */}
      {td.letters.length > 0 && <TenderLetters letters={td.letters} audience="portal" />}
      {failure && <Alert type="error" showIcon title={failure} />}
      {open && waiting && <Alert type="info" showIcon title={t('tender.submitBlocked')} />}
      {manages && open && (
        <>
          <Button size="large" block onClick={() => setQuoting(true)}>
            {t('tender.addQuote')}
          </Button>
          <Button
            type="primary"
            size="large"
            block
            disabled={waiting || !usable}
            loading={submitting.loading}
            onClick={() => {
              setFailure(null);
              void submit({ variables: { id: td.id, expectedVersion: td.version } });
            }}
          >
            {t('tender.submit')}
          </Button>
        </>
      )}
      <QuoteModal tender={quoting ? td : null} onClose={() => setQuoting(false)} />
      <PlaceOrderModal tender={ordering ? td : null} onClose={() => setOrdering(false)} />
    </Flex>
  );
}
