import { useMemo } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InsightsFunnelQuery } from '../../gql/graphql';
import { Chart } from './Chart';

type Stage = InsightsFunnelQuery['opportunityFunnel'][number];

const stageList = (stage: string) => `/opportunities?stage=${stage}`;

/** 机会漏斗: opportunities by stage, as the pipeline counts them; a stage opens the pipeline filtered by it. */
export function FunnelCard({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          data: stages.map((s) => ({ name: t(`insights.stage.${s.stage}`), value: s.count })),
        },
      ],
    }),
    [stages, t],
  );
  return (
    <Card title={t('insights.funnel')} data-testid="insights-funnel">
      <Chart
        option={option}
        height={260}
        label={t('insights.funnel')}
        onPick={({ dataIndex }) => void navigate(stageList(stages[dataIndex].stage))}
      />
      <Flex gap={12} wrap>
        {stages.map((s) => (
          <Link key={s.stage} to={stageList(s.stage)} data-testid={`insights-stage-${s.stage}`}>
            <Typography.Text type="secondary">{t(`insights.stage.${s.stage}`)}</Typography.Text> {s.count}
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
