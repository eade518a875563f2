import { Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { addDays, sum } from '@medchannel/web-shared/kernel';
import type { CollectionPlanQuery } from '../../../gql/graphql';

export type PlanItem = CollectionPlanQuery['collectionPlan'][number];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const GRID = { display: 'grid', gridTemplateColumns: '150px repeat(7, minmax(96px, 1fr))', gap: 4 } as const;
const LINE = '#f0f0f0';
const CELL = { borderRadius: 6, padding: '6px 8px', minHeight: 64, border: `1px solid ${LINE}` } as const;

/** "12/01", the way a calendar cell names its day. */
const dayLabel = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8))}`;

function ItemList({ items }: { items: PlanItem[] }) {
  const format = useFormat();
  return (
    <div style={{ minWidth: 260 }} data-testid="plan-day-items">
      {items.map((i) => (
        <div key={i.entryId} style={{ display: 'flex', justifyContent: 'space-between', gap: 16, padding: '2px 0' }}>
          <span>
            {i.distributor?.name ?? '—'}
            {i.memo && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {i.memo}
              </Typography.Text>
            )}
          </span>
          <Typography.Text strong>{format.money(i.outstanding)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

function DayCell({ date, today, items }: { date: string; today: string; items: PlanItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = sum(items.map((i) => i.outstanding.amount));
  const cell = (
    <div
      style={{
        ...CELL,
        cursor: items.length ? 'pointer' : 'default',
        background: items.length ? '#e6f4ff' : date < today ? '#fafafa' : '#fff',
        borderColor: date === today ? '#1677ff' : LINE,
      }}
      data-testid="plan-day"
      data-date={date}
      data-count={items.length}
    >
      <Typography.Text type={date < today ? 'secondary' : undefined} style={{ fontSize: 12 }}>
        {dayLabel(date)}
        {date === today && ` · ${t('plan.today')}`}
      </Typography.Text>
      {items.length > 0 && (
        <>
          <div style={{ fontWeight: 600, fontSize: 13 }} data-testid="plan-day-total">
            {format.money(total)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('plan.itemCount', { count: items.length })}
          </Typography.Text>
        </>
      )}
    </div>
  );
  return items.length ? (
    <Popover title={format.date(date)} content={<ItemList items={items} />} trigger="click">
      {cell}
    </Popover>
  ) : (
    cell
  );
}

/** Weeks as calendar rows, Monday first: what falls due each day, the week's total on the left. */
export function PlanCalendar({
  firstMonday,
  weeks,
  today,
  items,
}: {
  firstMonday: string;
  weeks: number;
  today: string;
  items: PlanItem[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const byDay = new Map<string, PlanItem[]>();
  for (const i of items) byDay.set(i.dueOn, [...(byDay.get(i.dueOn) ?? []), i]);

  return (
    <div style={{ overflowX: 'auto' }} data-testid="plan-calendar">
      <div style={{ ...GRID, marginBottom: 4 }}>
        <span />
        {WEEKDAYS.map((d) => (
          <Typography.Text key={d} type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            {t(`plan.weekday.${d}`)}
          </Typography.Text>
        ))}
      </div>
      {Array.from({ length: weeks }, (_, w) => {
        const days = Array.from({ length: 7 }, (_, d) => addDays(firstMonday, w * 7 + d));
        const weekItems = days.flatMap((d) => byDay.get(d) ?? []);
        return (
          <div key={days[0]} style={{ ...GRID, marginBottom: 4 }} data-testid="plan-week" data-monday={days[0]}>
            <div style={{ padding: '6px 0' }}>
              <Typography.Text strong style={{ display: 'block' }}>
                {`${dayLabel(days[0])} – ${dayLabel(days[6])}`}
              </Typography.Text>
              <Typography.Text
                type={weekItems.length ? undefined : 'secondary'}
                style={{ fontSize: 12 }}
                data-testid="plan-week-total"
              >
                {weekItems.length
                  ? format.money(sum(weekItems.map((i) => i.outstanding.amount)))
                  : t('plan.nothingDue')}
              </Typography.Text>
            </div>
            {days.map((d) => (
              <DayCell key={d} date={d} today={today} items={byDay.get(d) ?? []} />
            ))}
          </div>
        );
      })}
    </div>
  );
}
