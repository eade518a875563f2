import { useMemo } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { fromCents, toCents } from '@medchannel/web-shared/kernel';
import { EmptyState } from '@medchannel/web-shared/states';
import type { InsightsAgingQuery } from '../../gql/graphql';
import { Chart } from './Chart';

type Row = InsightsAgingQuery['receivablesAgingByRegion'][number];
const BUCKETS = [
  { key: 'days0to30', color: '#95de64' },
  { key: 'days31to60', color: '#ffd666' },
  { key: 'days61to90', color: '#ffa940' },
  { key: 'days90plus', color: '#ff4d4f' },
] as const;

/**
 * 应收账龄: the receivables page's aging by province (the same query), stacked by bucket; a province
 * opens the receivables page narrowed to it. A bar's length is drawn from cents; amounts are shown
 * as the exact decimals the API sent.
 */
export function AgingCard({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => format.money(fromCents(BigInt(Math.round(v))), rows[0]?.total.currency),
      },
      legend: { top: 0, data: BUCKETS.map((b) => t(`insights.aging.${b.key}`)) },
      grid: { left: 80, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.region.name) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => format.money(fromCents(BigInt(Math.round(v))), rows[0]?.total.currency),
        },
      },
      series: BUCKETS.map((b) => ({
        name: t(`insights.aging.${b.key}`),
        type: 'bar',
        stack: 'aging',
        itemStyle: { color: b.color },
        data: rows.map((r) => Number(toCents(r[b.key].amount))),
      })),
    }),
    [rows, t, format],
  );
  return (
    <Card title={t('insights.aging.title')} data-testid="insights-aging">
      {rows.length === 0 ? (
        <EmptyState title={t('insights.aging.none')} />
      ) : (
        <Chart
          option={option}
          height={280}
          label={t('insights.aging.title')}
          onPick={({ dataIndex }) => void navigate(`/finance/receivables?region=${rows[dataIndex].region.id}`)}
        />
      )}
    </Card>
  );
}
