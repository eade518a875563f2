import './strings';
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { chinaToday, newRequestKey, useCodedError } from '@medchannel/web-shared/kernel';
import { ErrorState } from '@medchannel/web-shared/states';
import {
  DistributorScorecardDocument,
  ProposeRetierDocument,
  type ConsoleScorecardFigureFragment,
} from '../../../gql/graphql';
import { FigureInputs, percent } from './FigureInputs';
import { RetierList } from './RetierList';
import { WeightsButton } from './WeightsModal';

const ERRORS = {
  prefix: 'scorecard.error',
  stale: [ErrorReason.ILLEGAL_TRANSITION],
  reload: ['DistributorScorecard'],
};

/** The quarter a date falls in. */
const quarterOf = (date: string) => ({
  year: Number(date.slice(0, 4)),
  quarter: Math.ceil(Number(date.slice(5, 7)) / 3),
});

/** 季度评分 on the distributor page: the figures with how each was computed, and the re-tier it indicates. */
export function ScorecardCard({ distributorId }: { distributorId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const now = quarterOf(chinaToday());
  const [period, setPeriod] = useState(now);
  const [failure, setFailure] = useState<string | null>(null);
  const explain = useCodedError(ERRORS);
  const { data, error, loading, refetch } = useQuery(DistributorScorecardDocument, {
    variables: { distributorId, ...period },
  });
  const [propose, proposing] = useMutation(ProposeRetierDocument, {
    refetchQueries: ['DistributorScorecard'],
    onError: (e) => setFailure(explain(e).message),
    onCompleted: () => void message.success(t('scorecard.proposed')),
  });
  const card = data?.distributorScorecard;
  const open = data?.retierProposals.some((p) => p.status === 'PROPOSED');
  const quarters = [-3, -2, -1, 0].map((back) => {
    const index = now.year * 4 + now.quarter - 1 + back;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
  });

  return (
    <Card
      title={t('scorecard.title')}
      style={{ marginBottom: 16 }}
      data-testid="scorecard-card"
      extra={
        <Space>
          <Select
            aria-label={t('scorecard.quarter')}
            value={`${period.year}-${period.quarter}`}
            onChange={(v: string) => setPeriod({ year: Number(v.slice(0, 4)), quarter: Number(v.slice(5)) })}
            options={quarters.map((q) => ({
              value: `${q.year}-${q.quarter}`,
              label: `${q.year} ${t('scorecard.quarterValue', { quarter: q.quarter })}`,
            }))}
          />
          <WeightsButton />
        </Space>
      }
    >
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      {card && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('scorecard.score')}>
            <strong data-testid="scorecard-score">{card.score ?? '—'}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('scorecard.tier')}>
            {t('scorecard.tierValue', { tier: card.tier })}
          </Descriptions.Item>
          <Descriptions.Item label={t('scorecard.weight')}>
            {card.weightsVersion
              ? t('scorecard.weightsVersion', { version: card.weightsVersion })
              : t('scorecard.weightsDefault')}
            {' · '}
            {t('scorecard.thresholds', { up: card.upThreshold, down: card.downThreshold })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {card?.indicatedDirection && (
        <Alert
          type={card.indicatedDirection === 'UP' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`scorecard.indicated.${card.indicatedDirection}`, { tier: card.indicatedTier })}
          action={
            can(user.role, 'retier.propose') && !open ? (
              <Button
                size="small"
                loading={proposing.loading}
                onClick={() => {
                  setFailure(null);
                  void propose({ variables: { input: { distributorId, ...period, idempotencyKey: newRequestKey() } } });
                }}
              >
                {t('scorecard.propose')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Table<ConsoleScorecardFigureFragment>
        size="small"
        rowKey="kind"
        loading={loading}
        pagination={false}
        dataSource={card?.figures ?? []}
        columns={[
          { title: t('scorecard.figure'), render: (_, f) => t(`scorecard.kind.${f.kind}`) },
          {
            title: t('scorecard.value'),
            render: (_, f) => (f.value === null ? <Tag>{t('scorecard.noData')}</Tag> : percent(f.value)),
          },
          { title: t('scorecard.figureScore'), render: (_, f) => f.score ?? '—' },
          { title: t('scorecard.weight'), dataIndex: 'weight' },
          { title: t('scorecard.inputs'), render: (_, f) => <FigureInputs figure={f} /> },
        ]}
      />
      <RetierList proposals={data?.retierProposals ?? []} />
    </Card>
  );
}
