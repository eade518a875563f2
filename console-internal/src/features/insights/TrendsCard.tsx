import { useMemo } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { BrandDashboardQuery } from '../../gql/graphql';
import { Chart } from './Chart';

type Dashboard = BrandDashboardQuery['brandDashboard'];

const ordersOf = (month: string) => `/orders?month=${month}`;
const sellOutOf = (m: Dashboard['sellOut'][number]) => `/inventory?view=sellOut&from=${m.from}&to=${m.to}`;

/**
 * 进销趋势: orders submitted (sell-in) and units sold out per month, the last twelve. A month's
 * orders open the orders list for that month, its sell-out the sell-out list for its days.
 */
export function TrendsCard({ sellIn, sellOut }: Pick<Dashboard, 'sellIn' | 'sellOut'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('insights.orders'), t('insights.unitsSold')] },
      grid: { left: 48, right: 48, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: sellIn.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('insights.orders') },
        { type: 'value', minInterval: 1, name: t('insights.unitsSold') },
      ],
      series: [
        { name: t('insights.orders'), type: 'bar', data: sellIn.map((m) => m.orders), itemStyle: { color: '#1565c0' } },
        {
          name: t('insights.unitsSold'),
          type: 'line',
          yAxisIndex: 1,
          data: sellOut.map((m) => m.units),
          itemStyle: { color: '#ef6c00' },
        },
      ],
    }),
    [sellIn, sellOut, t],
  );
  const latest = sellIn.length - 1;
  return (
    <Card title={t('insights.trends')} data-testid="insights-trends">
      <Chart
        option={option}
        height={280}
        label={t('insights.trends')}
        onPick={({ seriesIndex, dataIndex }) =>
          void navigate(seriesIndex === 0 ? ordersOf(sellIn[dataIndex].month) : sellOutOf(sellOut[dataIndex]))
        }
      />
      {latest >= 0 && (
        <Flex gap={16} wrap>
          <Typography.Text type="secondary">{sellIn[latest].month}</Typography.Text>
          <Link to={ordersOf(sellIn[latest].month)} data-testid="insights-orders-latest">
            {t('insights.ordersCount', { count: sellIn[latest].orders })}
          </Link>
          <Link to={sellOutOf(sellOut[latest])} data-testid="insights-sellout-latest">
            {t('insights.sellOutRows', { count: sellOut[latest].rows })}
          </Link>
        </Flex>
      )}
    </Card>
  );
}
