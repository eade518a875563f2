import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { canUse } from '../../../app/nav';
import { useCodedError } from '@medchannel/web-shared/kernel';
import {
  QuoteModal,
  SubmitTenderDocument,
  TenderLetters,
  type TenderDetailFragment,
} from '@medchannel/web-shared/opportunities';
import { IssueLetterModal } from './IssueLetterModal';
import { ResultModal } from './ResultModal';

const STATUS_COLOR: Record<string, string> = { OPEN: 'blue', SUBMITTED: 'purple', WON: 'green', LOST: 'default' };
export const QUOTE_COLOR: Record<string, string> = { PENDING_APPROVAL: 'orange', USABLE: 'green', REJECTED: 'red' };

/** One tender: its facts, its quotes with the floor each was checked against, and the next step. */
export function TenderPanel({ tender: td, manages }: { tender: TenderDetailFragment; manages: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useCurrentUser();
  const ordersShown = canUse(role, 'orders');
  // a letter is for a tender still to be bid (or bid, before its result)
  const issuesLetters = can(role, 'tender.issueLetter') && (td.status === 'OPEN' || td.status === 'SUBMITTED');
  const explain = useCodedError({ prefix: 'tender.error', reload: ['Tenders'] });
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'quote' | 'result' | 'letter' | null>(null);
  const [submit, submitting] = useMutation(SubmitTenderDocument, {
    onError: (error) => setFailure(explain(error).message),
  });
  const waiting = td.quotes.some((q) => q.status === 'PENDING_APPROVAL');
  const open = td.status === 'OPEN';

  return (
    <Flex vertical gap={8} data-testid={`tender-${td.number}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{`${t('tender.number')}: ${td.number}`}</Typography.Text>
        <Tag color={STATUS_COLOR[td.status]}>{t(`tender.status.${td.status}`)}</Tag>
      </Flex>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('tender.purchaser')}>{td.purchaser}</Descriptions.Item>
        <Descriptions.Item label={t('tender.budget')}>{format.money(td.budget)}</Descriptions.Item>
        <Descriptions.Item label={t('tender.registrationDeadline')}>
          {format.date(td.registrationDeadline)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tender.bidOpeningAt')}>{format.dateTime(td.bidOpeningAt)}</Descriptions.Item>
        {td.winner && <Descriptions.Item label={t('tender.winner')}>{td.winner}</Descriptions.Item>}
        {td.winningPrice && (
          <Descriptions.Item label={t('tender.winningPrice')}>{format.money(td.winningPrice)}</Descriptions.Item>
        )}
        {td.status === 'WON' && (
          <Descriptions.Item label={t('tender.orders')}>
            <span data-testid="tender-orders">
              {td.orders.length === 0
                ? t('tender.noOrders')
                : td.orders.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && '、'}
                      {ordersShown ? <Link to={`/orders/${o.id}`}>{o.number}</Link> : o.number}
                    </span>
                  ))}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={td.quotes}
        locale={{ emptyText: t('tender.noQuotes') }}
        columns={[
          { title: t('tender.product'), render: (_, q) => q.product?.name ?? '—' },
          { title: t('tender.price'), render: (_, q) => format.money(q.price) },
          {
            title: t('tender.floorPrice'),
            render: (_, q) => (q.floorPrice ? format.money(q.floorPrice) : t('tender.noFloor')),
          },
          {
            title: t('tender.state'),
            render: (_, q) => <Tag color={QUOTE_COLOR[q.status]}>{t(`tender.quoteStatus.${q.status}`)}</Tag>,
          },
          { title: t('tender.reason'), render: (_, q) => q.decisionNote ?? q.reason ?? '—' },
        ]}
      />
      <TenderLetters letters={td.letters} audience="console" />
      {failure && <Alert type="error" showIcon title={failure} />}
      {open && waiting && <Typography.Text type="secondary">{t('tender.submitBlocked')}</Typography.Text>}
      {(manages || issuesLetters) && (
        <Flex gap={8} wrap>
          {manages && open && <Button onClick={() => setDialog('quote')}>{t('tender.addQuote')}</Button>}
          {manages && open && (
            <Button
              type="primary"
              disabled={waiting || !td.quotes.some((q) => q.status === 'USABLE')}
              loading={submitting.loading}
              onClick={() => {
                setFailure(null);
                void submit({ variables: { id: td.id, expectedVersion: td.version } });
              }}
            >
              {t('tender.submit')}
            </Button>
          )}
          {manages && td.status === 'SUBMITTED' && (
            <Button onClick={() => setDialog('result')}>{t('tender.result')}</Button>
          )}
          {issuesLetters && <Button onClick={() => setDialog('letter')}>{t('tender.letter.issue')}</Button>}
        </Flex>
      )}
      <QuoteModal tender={dialog === 'quote' ? td : null} onClose={() => setDialog(null)} />
      <ResultModal tender={dialog === 'result' ? td : null} onClose={() => setDialog(null)} />
      <IssueLetterModal tender={dialog === 'letter' ? td : null} onClose={() => setDialog(null)} />
    </Flex>
  );
}
