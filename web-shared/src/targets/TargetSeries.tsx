import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { intlTag, localeOfLanguage } from '../app/locale';
import type { TargetSeriesMonthFragment } from '../gql/graphql';
import { addTargetStrings } from './strings';

/**
 * 按月进度: each month of a target's year, January first, as `TargetProgress.series` answers it:
 * sell-in, sell-out where the distributor reported it (a month not reported says so, never 0), and
 * sell-in to date against the target. `compact` (the phone) names the month without its year (the
 * target's) and shows the to-date share without its amount, so a row fits 390 px.
 */
export function TargetSeries({ months, compact = false }: { months: TargetSeriesMonthFragment[]; compact?: boolean }) {
  addTargetStrings();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const monthName = new Intl.DateTimeFormat(intlTag(localeOfLanguage(i18n.language)), {
    month: 'short',
    timeZone: 'UTC',
  });
  const monthOf = (month: string) => (compact ? monthName.format(new Date(`${month}-01T00:00:00Z`)) : month);
  return (
    <>
      <Table<TargetSeriesMonthFragment>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={months}
        data-testid="target-series"
        columns={[
          { title: t('targetSeries.month'), key: 'month', render: (_, m) => monthOf(m.month) },
          {
            title: t('targetSeries.sellIn'),
            key: 'in',
            align: 'right',
            render: (_, m) => <span data-testid="series-sell-in">{format.money(m.sellIn)}</span>,
          },
          {
            title: t('targetSeries.sellOut'),
            key: 'out',
            align: 'right',
            render: (_, m) =>
              m.sellOut ? (
                <span data-testid="series-sell-out">{format.money(m.sellOut)}</span>
              ) : (
                <Typography.Text type="secondary" data-testid="series-sell-out">
                  {t('targetSeries.notReported')}
                </Typography.Text>
              ),
          },
          {
            title: compact ? t('targetSeries.toDate') : t('targetSeries.cumulative'),
            key: 'to-date',
            align: 'right',
            render: (_, m) => (compact ? `${m.attainment}%` : `${format.money(m.cumulative)} · ${m.attainment}%`),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('targetSeries.hint')}
      </Typography.Text>
    </>
  );
}
