import { Card, Col, Row, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyCoVisitsDocument } from '../../../gql/graphql';
import { addDays, chinaDay, chinaToday, mondayOf, parseDay } from '@medchannel/web-shared/kernel';
import { placesOf, VisitCard } from './WeekVisitCard';
import { WeekToolbar } from './WeekToolbar';

/** 我的一周: the viewer's co-visits Monday to Sunday, a column a day; previous/next week in the URL. */
export default function WeekPage() {
  const { t } = useTranslation();
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
      <WeekToolbar days={days} goTo={goTo} />
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
