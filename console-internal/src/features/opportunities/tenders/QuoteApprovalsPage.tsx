import './strings';
import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { TenderQuoteApprovalsDocument, type TenderQuoteApprovalsQuery } from '../../../gql/graphql';
import { DecideQuoteModal, type Decision } from './DecideQuoteModal';
import { QUOTE_COLOR } from './TenderPanel';

type Row = TenderQuoteApprovalsQuery['tenderQuotesAwaitingApproval']['nodes'][number];

/** 报价审批: the bid quotes below the floor price the regional head (or admin) decides, oldest first. */
export default function QuoteApprovalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [deciding, setDeciding] = useState<{ quote: Row; decision: Decision } | null>(null);
  const { data, loading, error, refetch } = useQuery(TenderQuoteApprovalsDocument);
  const page = data?.tenderQuotesAwaitingApproval;

  return (
    <>
      <PageHeader title={t('tender.approvals.title')} subtitle={t('tender.approvals.subtitle')} />
      <Card>
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading && !page ? (
          <LoadingState />
        ) : !page?.nodes.length ? (
          <EmptyState title={t('tender.approvals.empty')} />
        ) : (
          <Flex vertical gap={12}>
            <Table<Row>
              rowKey="id"
              pagination={false}
              dataSource={page.nodes}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('tender.approvals.tender'),
                  render: (_, q) =>
                    q.tender?.opportunity ? (
                      <Link to={`/opportunities/${q.tender.opportunity.id}`}>{q.tender.number}</Link>
                    ) : (
                      q.tender?.number
                    ),
                },
                {
                  title: t('tender.approvals.hospital'),
                  render: (_, q) => q.tender?.opportunity?.hospital?.name ?? '—',
                },
                {
                  title: t('tender.approvals.distributor'),
                  render: (_, q) => q.tender?.opportunity?.distributor?.name ?? '—',
                },
                { title: t('tender.product'), render: (_, q) => q.product?.name ?? '—' },
                { title: t('tender.price'), render: (_, q) => format.money(q.price) },
                { title: t('tender.floorPrice'), render: (_, q) => (q.floorPrice ? format.money(q.floorPrice) : '—') },
                { title: t('tender.reason'), render: (_, q) => q.reason ?? '—' },
                { title: t('tender.approvals.requestedBy'), render: (_, q) => q.requestedBy?.displayName ?? '—' },
                {
                  title: t('tender.state'),
                  render: (_, q) => <Tag color={QUOTE_COLOR[q.status]}>{t(`tender.quoteStatus.${q.status}`)}</Tag>,
                },
                {
                  title: '',
                  render: (_, q) => (
                    <Flex gap={8}>
                      <Button
                        type="primary"
                        size="small"
                        onClick={() => setDeciding({ quote: q, decision: 'approve' })}
                      >
                        {t('tender.approvals.approve')}
                      </Button>
                      <Button danger size="small" onClick={() => setDeciding({ quote: q, decision: 'reject' })}>
                        {t('tender.approvals.reject')}
                      </Button>
                    </Flex>
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary">{`${page.nodes.length} / ${page.totalCount}`}</Typography.Text>
          </Flex>
        )}
      </Card>
      <DecideQuoteModal
        quoteId={deciding?.quote.id ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
      />
    </>
  );
}
