import { Card, Col, Empty, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { addDays, chinaToday, mondayOf, sum, toCents } from '@medchannel/web-shared/kernel';
import { CollectionPlanDocument } from '../../../gql/graphql';
import { AccountFilterBar, useAccountFilter } from '../AccountFilters';
import { PlanCalendar, type PlanItem } from './PlanCalendar';

const SPANS = [4, 6, 8];
const DEFAULT_WEEKS = 6;

interface Late {
  id: string;
  name: string;
  count: number;
  total: string;
  oldestDue: string;
}

/** What is already late, per distributor, largest first: the calls to make before the calendar's. */
function lateByDistributor(items: PlanItem[]): Late[] {
  const groups = new Map<string, PlanItem[]>();
  for (const i of items) groups.set(i.distributor?.id ?? '', [...(groups.get(i.distributor?.id ?? '') ?? []), i]);
  return [...groups.entries()]
    .map(([id, group]) => ({
      id,
      name: group[0].distributor?.name ?? '—',
      count: group.length,
      total: sum(group.map((i) => i.outstanding.amount)),
      oldestDue: group.map((i) => i.dueOn).sort()[0],
    }))
    .sort((a, b) => (toCents(b.total) > toCents(a.total) ? 1 : toCents(b.total) < toCents(a.total) ? -1 : 0));
}

/**
 * 回款计划: open receivables by the day they fall due, the next weeks as a calendar (Monday first),
 * what is already overdue above it — the month's collection planned from its start, not chased at its end.
 */
export default function CollectionCalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = chinaToday();
  const { filter, params, setFilter } = useAccountFilter();
  const weeks = SPANS.includes(Number(params.get('weeks'))) ? Number(params.get('weeks')) : DEFAULT_WEEKS;
  const firstMonday = mondayOf(today);
  const to = addDays(firstMonday, weeks * 7 - 1);
  const { data, previousData, error, refetch } = useQuery(CollectionPlanDocument, { variables: { to, filter } });
  const plan = (data ?? previousData)?.collectionPlan;

  if (error && !plan) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const overdue = (plan ?? []).filter((i) => i.overdue);
  const coming = (plan ?? []).filter((i) => !i.overdue);
  const late = lateByDistributor(overdue);

  return (
    <>
      <AccountFilterBar>
        <Segmented<number>
          value={weeks}
          onChange={(value) => setFilter('weeks', value === DEFAULT_WEEKS ? undefined : String(value))}
          options={SPANS.map((n) => ({ value: n, label: t('plan.weeks', { count: n }) }))}
          data-testid="plan-weeks"
        />
      </AccountFilterBar>
      {!plan ? (
        <LoadingState />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={12}>
              <Card size="small">
                <Statistic
                  title={t('plan.overdueTotal', { count: overdue.length })}
                  value={format.money(sum(overdue.map((i) => i.outstanding.amount)))}
                  styles={{ content: { color: '#cf1322' } }}
                  data-testid="plan-overdue-total"
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small">
                <Statistic
                  title={t('plan.comingTotal', { count: coming.length, weeks })}
                  value={format.money(sum(coming.map((i) => i.outstanding.amount)))}
                  data-testid="plan-coming-total"
                />
              </Card>
            </Col>
          </Row>
          <Card
            title={t('plan.overdueFirst')}
            style={{ marginBottom: 16 }}
            extra={<Link to="/finance/overdue">{t('plan.allOverdue')}</Link>}
            data-testid="plan-overdue"
          >
            {late.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overdue.none')} />
            ) : (
              <Table<Late>
                rowKey="id"
                size="small"
                dataSource={late}
                pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  {
                    title: t('finance.distributor'),
                    key: 'name',
                    render: (_, l) => <Link to={`/finance/overdue?distributor=${l.id}`}>{l.name}</Link>,
                  },
                  {
                    title: t('plan.oldestDue'),
                    key: 'oldestDue',
                    width: 140,
                    render: (_, l) => format.date(l.oldestDue),
                  },
                  {
                    title: t('overdue.items'),
                    key: 'count',
                    width: 100,
                    align: 'right',
                    render: (_, l) => format.number(l.count),
                  },
                  {
                    title: t('overdue.outstanding'),
                    key: 'total',
                    width: 180,
                    align: 'right',
                    render: (_, l) => <Typography.Text type="danger">{format.money(l.total)}</Typography.Text>,
                  },
                ]}
              />
            )}
          </Card>
          <Card title={t('plan.calendar', { from: format.date(firstMonday), to: format.date(to) })}>
            <PlanCalendar firstMonday={firstMonday} weeks={weeks} today={today} items={coming} />
          </Card>
        </>
      )}
    </>
  );
}
