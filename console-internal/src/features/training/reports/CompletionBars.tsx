import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { TrainingCompletionQuery } from '../../../gql/graphql';
import { BarLegend } from '../../../components/BarLegend';

export type CompletionRow = TrainingCompletionQuery['trainingCompletion'][number];

/** The parts of a group's assigned people, in the order the bar shows them. */
const PARTS = [
  { key: 'completed', color: '#52c41a', of: (r: CompletionRow) => r.completed },
  { key: 'inProgress', color: '#1677ff', of: (r: CompletionRow) => Math.max(0, r.started - r.completed) },
  { key: 'notStarted', color: '#d9d9d9', of: (r: CompletionRow) => Math.max(0, r.assigned - r.started) },
] as const;

export const rateOf = (r: CompletionRow) => (r.assigned ? Math.round((100 * r.completed) / r.assigned) : 0);

const GRID = {
  display: 'grid',
  gridTemplateColumns: '180px minmax(160px, 1fr) 90px 110px',
  alignItems: 'center',
  gap: 12,
} as const;

/**
 * Completion as stacked bars, one per group: as long as its assigned people against the largest
 * group, split into completed, in progress and not started. Plain divs, as 应收 draws aging: a
 * charting library would weigh more than the page.
 */
export function CompletionBars({ rows, onPick }: { rows: readonly CompletionRow[]; onPick?: (key: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const largest = Math.max(1, ...rows.map((r) => r.assigned));
  return (
    <div data-testid="completion-bars">
      <BarLegend items={PARTS.map((p) => ({ key: p.key, color: p.color, label: t(`completion.${p.key}`) }))} />
      {rows.map((r) => (
        <div key={r.key} style={{ ...GRID, padding: '6px 0' }} data-testid="completion-bar" data-label={r.label}>
          {onPick ? (
            <Typography.Link ellipsis onClick={() => onPick(r.key)} title={r.label}>
              {r.label}
            </Typography.Link>
          ) : (
            <Typography.Text ellipsis title={r.label}>
              {r.label}
            </Typography.Text>
          )}
          <div style={{ background: '#f5f5f5', borderRadius: 4, height: 20 }}>
            <div
              style={{
                width: `${(100 * r.assigned) / largest}%`,
                height: '100%',
                display: 'flex',
                borderRadius: 4,
                overflow: 'hidden',
              }}
            >
              {PARTS.filter((p) => p.of(r) > 0).map((p) => (
                <Tooltip key={p.key} title={`${t(`completion.${p.key}`)}：${format.number(p.of(r))}`}>
                  <div style={{ flex: `${p.of(r)} 0 0`, background: p.color }} />
                </Tooltip>
              ))}
            </div>
          </div>
          <Typography.Text strong style={{ textAlign: 'right' }}>
            {t('completion.rateValue', { rate: rateOf(r) })}
          </Typography.Text>
          <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
            {t('completion.overdueValue', { count: r.overdue })}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
