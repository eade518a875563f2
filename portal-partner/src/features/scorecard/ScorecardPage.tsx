import './strings';
import { Card, Descriptions, Flex, Select, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { chinaToday } from '@medchannel/web-shared/kernel';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyScorecardDocument, type MyScorecardQuery } from '../../gql/graphql';

type Figure = MyScorecardQuery['distributorScorecard']['figures'][number];
/** The inputs that are amounts of money (the others are counts or days). */
const MONEY = new Set(['target', 'sellIn', 'outstanding', 'overdue', 'balance', 'raised']);

/** A ratio "0.6000" as a percentage, exactly. */
function percent(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  const digits = `${whole}${fraction.padEnd(4, '0')}`.replace(/^0+(?=\d{3})/, '');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

/** 季度评分: the owner's quarter, each figure a card with its ratio, score, weight and what it was computed from. */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const today = chinaToday();
  const now = Number(today.slice(0, 4)) * 4 + Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  const at = Number(params.get('q') ?? now);
  const { data, loading, error, refetch } = useQuery(MyScorecardDocument, {
    variables: { year: Math.floor(at / 4), quarter: (at % 4) + 1 },
  });
  const card = data?.distributorScorecard;
  const label = (i: number) => `${Math.floor(i / 4)} ${t('scorecard.quarterValue', { quarter: (i % 4) + 1 })}`;

  return (
    <>
      <PageHeader
        title={t('scorecard.title')}
        extra={
          <Select
            aria-label={t('scorecard.quarter')}
            value={at}
            onChange={(v) => setFilter('q', String(v))}
            options={[now - 3, now - 2, now - 1, now].map((i) => ({ value: i, label: label(i) }))}
          />
        }
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !card ? (
        <LoadingState />
      ) : card ? (
        <Flex vertical gap={12} data-testid="my-scorecard">
          <Card size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('scorecard.score')}>
                <strong data-testid="my-score">{card.score ?? '—'}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('scorecard.tier')}>
                {t('scorecard.tierValue', { tier: card.tier })}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('scorecard.period', {
                from: format.date(card.from),
                to: format.date(card.to),
                asOf: format.date(card.asOf),
              })}
              <br />
              {t('scorecard.explain.TOTAL')} ·{' '}
              {t('scorecard.thresholds', { up: card.upThreshold, down: card.downThreshold })}
            </Typography.Paragraph>
          </Card>
          {card.figures.map((f) => (
            <FigureCard key={f.kind} figure={f} money={(v) => format.money(v)} />
          ))}
        </Flex>
      ) : null}
    </>
  );
}

function FigureCard({ figure: f, money }: { figure: Figure; money: (v: string) => string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t(`scorecard.kind.${f.kind}`)}
      extra={f.value === null ? <Tag>{t('scorecard.noData')}</Tag> : <strong>{f.score}</strong>}
      data-testid={`figure-${f.kind}`}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('scorecard.howComputed')}: {t(`scorecard.explain.${f.kind}`)}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        {f.value !== null && <Descriptions.Item label={t('scorecard.value')}>{percent(f.value)}</Descriptions.Item>}
        <Descriptions.Item label={t('scorecard.weight')}>{f.weight}</Descriptions.Item>
        {f.inputs.map((i) => (
          <Descriptions.Item
            key={`${i.key}:${i.subject ?? ''}`}
            label={t(`scorecard.input.${i.key}`, { subject: i.subject })}
          >
            {MONEY.has(i.key) ? money(i.value) : i.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
