import { useMemo } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { BrandDashboardQuery } from '../../gql/graphql';
import { Chart } from './Chart';

type Dashboard = BrandDashboardQuery['brandDashboard'];

const lineList = (productLineId: string) => `/training/readiness?line=${productLineId}`;

/** 培训就绪: distributor staff holding a valid certificate per product line, against all staff in view. */
export function ReadinessCard({ staff, readiness }: Pick<Dashboard, 'staff' | 'readiness'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 24, bottom: 24, top: 16 },
      xAxis: { type: 'value', max: Math.max(staff, 1), minInterval: 1 },
      yAxis: { type: 'category', data: readiness.map((l) => l.name) },
      series: [
        {
          name: t('insights.certified'),
          type: 'bar',
          data: readiness.map((l) => l.certified),
          itemStyle: { color: '#2e7d32' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [staff, readiness, t],
  );
  return (
    <Card title={t('insights.readiness')} data-testid="insights-readiness">
      <Flex gap={8} align="baseline" style={{ marginBottom: 8 }}>
        <Link to="/training/readiness" data-testid="insights-staff">
          {t('insights.staff', { count: staff })}
        </Link>
        <Typography.Text type="secondary">{t('insights.certifiedHint')}</Typography.Text>
      </Flex>
      <Chart
        option={option}
        height={Math.max(160, readiness.length * 36)}
        label={t('insights.readiness')}
        onPick={({ dataIndex }) => void navigate(lineList(readiness[dataIndex].productLineId))}
      />
    </Card>
  );
}
