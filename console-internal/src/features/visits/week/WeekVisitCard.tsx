import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { chinaTime } from '@medchannel/web-shared/kernel';
import type { CoVisitCardFragment } from '../../../gql/graphql';
/**
 * Where a visit sits in the week: a proposed plan at every time offered (the other side may take
 * any of them), any other at its time.
 */
export function placesOf(visit: CoVisitCardFragment): string[] {
  return visit.status === CoVisitStatus.PROPOSED && visit.slots.length
    ? visit.slots.map((s) => s.startsAt)
    : [visit.startsAt];
}

/** One visit in its day: time, hospital and department, status, who goes; opens the visit. */
export function VisitCard({ visit, at }: { visit: CoVisitCardFragment; at: string }) {
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
