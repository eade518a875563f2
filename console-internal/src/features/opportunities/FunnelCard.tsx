import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { ConsoleOpportunitiesQuery } from '../../gql/graphql';

type Stage = ConsoleOpportunitiesQuery['opportunityFunnel'][number];

/** Count and value by stage, of exactly what the list shows (its stage aside); a stage's figure filters the list by it. */
export function FunnelCard({
  stages,
  current,
  onPick,
}: {
  stages: Stage[];
  current: string | undefined;
  onPick: (stage: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('opportunity.funnel')} style={{ marginBottom: 16 }} data-testid="opportunity-funnel">
      <Flex gap={8} wrap>
        {stages.map((s) => (
          <button
            key={s.stage}
            type="button"
            onClick={() => onPick(current === s.stage ? undefined : s.stage)}
            aria-pressed={current === s.stage}
            data-testid={`funnel-${s.stage}`}
            data-count={s.count}
            style={{
              flex: '1 1 140px',
              textAlign: 'left',
              cursor: 'pointer',
              padding: '8px 12px',
              borderRadius: 8,
              border: `1px solid ${current === s.stage ? '#1565c0' : '#e5e7eb'}`,
              background: current === s.stage ? '#e8f0fb' : '#fff',
            }}
          >
            <Typography.Text type="secondary">{t(`opportunity.stage.${s.stage}`)}</Typography.Text>
            <div style={{ fontSize: 20, fontWeight: 600 }}>{t('opportunity.funnelCount', { count: s.count })}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.values.map((v) => format.money(v)).join(' + ') || '—'}
            </Typography.Text>
          </button>
        ))}
      </Flex>
    </Card>
  );
}
