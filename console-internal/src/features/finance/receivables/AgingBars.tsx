import { Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { isPositive, toCents } from '@medchannel/web-shared/kernel';
import { BarLegend } from '../../../components/BarLegend';
import { widthOf } from '../money';
import { BUCKETS, type AgingFigures } from './buckets';

interface RegionRow extends AgingFigures {
  region: { id: string; name: string };
}

interface Props {
  rows: readonly RegionRow[];
  /** Narrow the page to a province */
  onPick: (regionId: string) => void;
}

const GRID = {
  display: 'grid',
  gridTemplateColumns: '112px minmax(160px, 1fr) 150px 170px',
  alignItems: 'center',
  gap: 12,
} as const;

/**
 * Aging by province as stacked bars: each bar as long as the province's total against the largest,
 * split into the four buckets. Plain divs: a charting library would weigh more than the page.
 */
export function AgingBars({ rows, onPick }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const largest = rows.reduce((max, r) => (toCents(r.total.amount) > toCents(max) ? r.total.amount : max), '0');

  return (
    <div data-testid="aging-bars">
      <BarLegend items={BUCKETS.map((b) => ({ key: b.key, color: b.color, label: t(`aging.${b.key}`) }))} />
      {rows.map((r) => (
        <div
          key={r.region.id}
          style={{ ...GRID, padding: '6px 0' }}
          data-testid="aging-region"
          data-region={r.region.name}
        >
          <Button type="link" style={{ padding: 0, justifyContent: 'flex-start' }} onClick={() => onPick(r.region.id)}>
            {r.region.name}
          </Button>
          <div style={{ background: '#f5f5f5', borderRadius: 4, height: 20 }}>
            <div
              style={{
                width: `${widthOf(r.total.amount, largest)}%`,
                height: '100%',
                display: 'flex',
                borderRadius: 4,
                overflow: 'hidden',
              }}
            >
              {BUCKETS.filter((b) => isPositive(r[b.key].amount)).map((b) => (
                <Tooltip key={b.key} title={`${t(`aging.${b.key}`)}：${format.money(r[b.key])}`}>
                  <div
                    style={{ flex: `${widthOf(r[b.key].amount, r.total.amount)} 0 0`, background: b.color }}
                    data-testid={`aging-bar-${b.key}`}
                  />
                </Tooltip>
              ))}
            </div>
          </div>
          <Typography.Text strong style={{ textAlign: 'right' }} data-testid="aging-region-total">
            {format.money(r.total)}
          </Typography.Text>
          <Typography.Text
            type={isPositive(r.overdue.amount) ? 'danger' : 'secondary'}
            data-testid="aging-region-overdue"
          >
            {t('aging.overdueValue', { amount: format.money(r.overdue) })}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
