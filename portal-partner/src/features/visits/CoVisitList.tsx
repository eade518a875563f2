import { useMemo } from 'react';
import { Badge, Button, Card, Segmented, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '@medchannel/web-shared';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyCoVisitsDocument, type PortalCoVisitFragment } from '../../gql/graphql';
import { addDays, chinaToday, mondayOf } from '@medchannel/web-shared/kernel';
import { upcomingDays } from '../../components/upcomingDays';
import { useVisitTime } from './dates';
import { coVisitPath, planCoVisitPath } from '../../components/paths';

const RANGES = ['upcoming', 'week', 'past'] as const;
type Range = (typeof RANGES)[number];

/** The days asked for: from today for 8 weeks, this week (Monday to Sunday), or the last 8 weeks. */
function daysOf(range: Range, today: string): { from: string; to: string } {
  if (range === 'past') return { from: addDays(today, -55), to: addDays(today, -1) };
  if (range === 'week') {
    const monday = mondayOf(today);
    return { from: monday, to: addDays(monday, 6) };
  }
  return upcomingDays(today);
}

/** Plans awaiting my answer first, then by time; the past ones newest first. */
function ordered(visits: readonly PortalCoVisitFragment[], range: Range): PortalCoVisitFragment[] {
  const time = (v: PortalCoVisitFragment) => new Date(v.startsAt).getTime();
  return [...visits].sort(
    (a, b) => Number(b.myTurn) - Number(a.myTurn) || (range === 'past' ? time(b) - time(a) : time(a) - time(b)),
  );
}

/** 协同拜访: the viewer's own plans with the brand, those awaiting their answer first, and the way to plan one. */
export function CoVisitList() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const range: Range = RANGES.find((r) => r === params.get('range')) ?? 'upcoming';
  const days = useMemo(() => daysOf(range, chinaToday()), [range]);
  const query = useQuery(MyCoVisitsDocument, { variables: days, fetchPolicy: 'cache-and-network' });
  const visits = query.data ? ordered(query.data.myCoVisits, range) : [];
  const plans = useCan('coVisit.plan');
  const navigate = useNavigate();

  return (
    <>
      {plans && (
        <Button
          type="primary"
          size="large"
          block
          icon={<PlusOutlined />}
          onClick={() => void navigate(planCoVisitPath)}
        >
          {t('visits.plan.open')}
        </Button>
      )}
      <Segmented<Range>
        value={range}
        onChange={(value) => setFilter('range', value === 'upcoming' ? undefined : value)}
        options={RANGES.map((value) => ({
          value,
          label: <span data-testid={`co-visit-range-${value}`}>{t(`visits.range.${value}`)}</span>,
        }))}
        aria-label={t('visits.range.label')}
        data-testid="co-visit-range"
      />
      <Card
        size="small"
        data-testid="co-visits"
        data-range={range}
        data-ready={String(Boolean(query.data) && !query.loading)}
      >
        {query.error && !query.data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <LoadingState />
        ) : visits.length === 0 ? (
          <EmptyState title={t('visits.plansEmptyTitle')} description={t('visits.plansEmptyDescription')} />
        ) : (
          <div className="pp-list" data-testid="co-visit-list">
            {visits.map((v) => (
              <CoVisitRow key={v.id} visit={v} />
            ))}
          </div>
        )}
      </Card>
    </>
  );
}

function CoVisitRow({ visit: v }: { visit: PortalCoVisitFragment }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const brand = v.participants
    .filter((p) => p.side !== 'PARTNER')
    .map((p) => p.user?.displayName)
    .filter(Boolean);
  return (
    <Link
      to={coVisitPath(v.id)}
      className="pp-item pp-row"
      data-testid="co-visit-row"
      data-goal={v.goal}
      data-status={v.status}
      data-my-turn={String(v.myTurn)}
    >
      <div className="pp-row-head">
        <Typography.Text strong style={{ minWidth: 0 }}>
          {v.hospital?.name ?? t('visits.hiddenHospital')}
          {v.department && <span className="pp-muted"> · {v.department.name}</span>}
        </Typography.Text>
        <CoVisitStatusTag status={v.status} />
      </div>
      <div className="pp-item-line">{v.goal}</div>
      <div className="pp-item-line">
        {/* a plan still open is offered at several times: every one of them, not only the first */}
        <span data-testid="co-visit-times">
          {v.status === CoVisitStatus.PROPOSED && v.slots.length
            ? t('visits.slotsOffered', {
                times: v.slots.map((s) => visitTime(s.startsAt)).join('、'),
                count: v.slots.length,
              })
            : visitTime(v.startsAt)}
        </span>
        {brand.length > 0 && <span className="pp-muted"> · {brand.join('、')}</span>}
      </div>
      {v.myTurn && (
        <div className="pp-item-line">
          <Badge status="warning" text={t('visits.myTurn')} data-testid="co-visit-my-turn" />
        </div>
      )}
    </Link>
  );
}
