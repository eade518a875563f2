import './strings';
import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { RetierProposalsDocument, type ConsoleRetierProposalFragment } from '../../../gql/graphql';
import { ReviewRetierModal, type Review } from './ReviewRetierModal';

/** 调级审批: the re-tiers proposed from quarterly scores, for the regional head (or admin) to approve from a date or reject. */
export default function RetierReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [reviewing, setReviewing] = useState<{ id: string; review: Review } | null>(null);
  const { data, loading, error, refetch } = useQuery(RetierProposalsDocument, { variables: { status: 'PROPOSED' } });
  const rows = data?.retierProposals ?? [];

  return (
    <>
      <PageHeader title={t('retier.title')} subtitle={t('retier.subtitle')} />
      <Card>
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <LoadingState />
        ) : !rows.length ? (
          <EmptyState title={t('retier.empty')} />
        ) : (
          <Table<ConsoleRetierProposalFragment>
            rowKey="id"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('retier.distributor'),
                render: (_, p) =>
                  p.distributor ? <Link to={`/distributors/${p.distributor.id}`}>{p.distributor.name}</Link> : '—',
              },
              {
                title: t('scorecard.quarter'),
                render: (_, p) => `${p.year} ${t('scorecard.quarterValue', { quarter: p.quarter })}`,
              },
              { title: t('scorecard.score'), dataIndex: 'score' },
              {
                title: t('scorecard.tier'),
                render: (_, p) => (
                  <Space>
                    <Tag color={p.direction === 'UP' ? 'green' : 'orange'}>
                      {t(`scorecard.direction.${p.direction}`)}
                    </Tag>
                    {t('scorecard.fromTo', { from: p.fromTier, to: p.toTier })}
                  </Space>
                ),
              },
              { title: '', render: (_, p) => format.dateTime(p.createdAt) },
              {
                title: '',
                render: (_, p) => (
                  <Space>
                    <Button type="primary" size="small" onClick={() => setReviewing({ id: p.id, review: 'approve' })}>
                      {t('retier.approve')}
                    </Button>
                    <Button size="small" onClick={() => setReviewing({ id: p.id, review: 'reject' })}>
                      {t('retier.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ReviewRetierModal
        id={reviewing?.id ?? null}
        review={reviewing?.review ?? 'approve'}
        onClose={() => setReviewing(null)}
      />
    </>
  );
}
