import { Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can, CoVisitStatus } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { MyCoVisitsDocument, type CoVisitCardFragment } from '../../../gql/graphql';
import { addDays, chinaDay, chinaTime, chinaToday, mondayOf, parseDay } from '@medchannel/web-shared/kernel';

/**
 * Where a visit sits in the week: a proposed plan at every time offered (the other side may take
 * any of them), any other at its time.
 */
function placesOf(visit: CoVisitCardFragment): string[] {
  return visit.status === CoVisitStatus.PROPOSED && visit.slots.length
    ? visit.slots.map((s) => s.startsAt)
    : [visit.startsAt];
}

/** One visit in its day: time, hospital and department, status, who goes; opens the visit. */
function VisitCard({ visit, at }: { visit: CoVisitCardFragment; at: string }) {
  const { t } = useTranslation();
  const people = visit.participants
    .map((p) => p.user?.displayName)
    .filter(Boolean)
    .join('、');
  return (
    <Link
      to={`/visits/co/${visit.id}`}
      data-testid="week-visit"
      data-id={visit.id}
      data-status={visit.status}
      data-at={at}
    >
      <Card
        size="small"
        hoverable
        style={{ marginBottom: 8, borderLeft: visit.myTurn ? '3px solid #faad14' : undefined }}
      >
        <Flex justify="space-between" align="center" gap={4}>
          <Typography.Text strong>
            {chinaTime(at)}
            {placesOf(visit).length > 1 && (
              <Typography.Text type="secondary">
                {' '}
                {t('visit.week.oneOf', { count: placesOf(visit).length })}
              </Typography.Text>
            )}
          </Typography.Text>
          <CoVisitStatusTag status={visit.status} />
        </Flex>
        <div>{visit.hospital?.name ?? t('visit.hiddenHospital')}</div>
        {visit.department && <Typography.Text type="secondary">{visit.department.name}</Typography.Text>}
        <div style={{ fontSize: 12, marginTop: 4 }}>{people}</div>
        {visit.myTurn && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="week-visit-my-turn">
            {t('visit.myTurn')}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

/** 我的一周: the viewer's co-visits Monday to Sunday, a column a day; previous/next week in the URL. */
export default function WeekPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  // the week in the URL (`?week=YYYY-MM-DD`, any day of it), else this week in China
  const monday = mondayOf(parseDay(params.get('week')) ?? chinaToday());
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const { data, previousData, loading, error, refetch } = useQuery(MyCoVisitsDocument, {
    variables: { from: days[0], to: days[6] },
    fetchPolicy: 'cache-and-network',
  });
  const visits = (data ?? previousData)?.myCoVisits ?? [];
  const goTo = (weeks: number) => setFilter('week', weeks === 0 ? undefined : addDays(monday, weeks * 7));
  const today = chinaToday();

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => goTo(-1)} data-testid="week-prev">
            {t('visit.week.previous')}
          </Button>
          <Button onClick={() => goTo(0)} data-testid="week-today">
            {t('visit.week.thisWeek')}
          </Button>
          <Button onClick={() => goTo(1)} data-testid="week-next">
            {t('visit.week.next')} <RightOutlined />
          </Button>
          <Typography.Text strong data-testid="week-range" data-from={days[0]}>
            {format.date(days[0])} – {format.date(days[6])}
          </Typography.Text>
          <Typography.Text type="secondary">{t('visit.week.chinaTime')}</Typography.Text>
        </Space>
        <Space>
          <Button
            onClick={() => void navigate('/visits/notes/write')}
            disabled={!can(user.role, 'visit.writeNote')}
            data-testid="note-write"
          >
            {t('note.write')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/visits/plan')}
            disabled={!can(user.role, 'coVisit.plan')}
            data-testid="visit-plan"
          >
            {t('visit.plan')}
          </Button>
        </Space>
      </Flex>
      {error && !data && !previousData ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data && !previousData ? (
        <LoadingState />
      ) : (
        <>
          <Row gutter={8} wrap={false} style={{ overflowX: 'auto' }} data-testid="week-calendar">
            {days.map((day) => {
              const mine = visits
                .flatMap((v) => placesOf(v).map((at) => ({ v, at })))
                .filter(({ at }) => chinaDay(at) === day)
                .sort((a, b) => a.at.localeCompare(b.at));
              return (
                <Col key={day} flex="1 0 150px" data-testid={`week-day-${day}`}>
                  <Typography.Text
                    strong
                    type={day === today ? undefined : 'secondary'}
                    style={{ display: 'block', marginBottom: 8 }}
                  >
                    {t(`visit.week.day${new Date(`${day}T00:00:00Z`).getUTCDay()}`)} {day.slice(5)}
                  </Typography.Text>
                  {mine.map(({ v, at }) => (
                    <VisitCard key={`${v.id}-${at}`} visit={v} at={at} />
                  ))}
                </Col>
              );
            })}
          </Row>
          {!visits.length && (
            <EmptyState title={t('visit.week.empty')} description={t('visit.week.emptyDescription')} />
          )}
        </>
      )}
    </Card>
  );
}
