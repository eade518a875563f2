import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CoVisitStatus, ErrorReason } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CoVisitStatusTag, NoteVisibilityTag, useOverlapConfirm } from '@medchannel/web-shared/visits';
import { AcceptCoVisitSlotDocument, CoVisitDocument, type CoVisitDetailFragment } from '../../../gql/graphql';
import { PersonList } from '../PersonList';
import { hhmm, useVisitTime } from '../dates';
import type { VisitFailure } from '../useVisitFailure';
import { CoVisitMoves, useMove } from './CoVisitMoves';

/** What happened to the plan, oldest first, from what the visit records. */
function StatusTimeline({ visit }: { visit: CoVisitDetailFragment }) {
  const { t } = useTranslation();
  const format = useVisitTime();
  const items = [
    { color: 'blue', content: t('visit.timeline.proposed', { who: visit.proposedBy?.displayName ?? '—', at: format.dateTime(visit.createdAt) }) },
    ...visit.slots
      .filter((s) => s.proposedBy?.id !== visit.proposedBy?.id)
      .map((s) => ({ color: 'gray', content: t('visit.timeline.slotOffered', { who: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`), at: format.dateTime(s.startsAt) }) })),
    ...(visit.confirmedSlot ? [{ color: 'green', content: t('visit.timeline.confirmed', { at: format.dateTime(visit.startsAt) }) }] : []),
    ...visit.participants
      .filter((p) => p.checkedInAt)
      .map((p) => ({ color: 'green', content: t('visit.timeline.checkedIn', { who: p.user?.displayName ?? '—', at: format.dateTime(p.checkedInAt) }) })),
    ...(visit.status === CoVisitStatus.DONE ? [{ color: 'green', content: t('visit.timeline.done') }] : []),
    ...(visit.status === CoVisitStatus.CANCELLED
      ? [{ color: 'red', content: t('visit.timeline.cancelled', { who: visit.cancelledBy?.displayName ?? '—', reason: visit.cancelReason ?? '' }) }]
      : []),
    ...(visit.status === CoVisitStatus.PROPOSED && visit.awaitingSide ? [{ color: 'gold', content: t('visit.timeline.awaiting', { side: t(`visitSide.${visit.awaitingSide}`) }) }] : []),
  ];
  return <Timeline items={items} data-testid="covisit-timeline" />;
}

/** 协同拜访 detail: where and why, who goes, the times offered, what happened, and the viewer's moves. */
export default function CoVisitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useVisitTime();
  const user = useCurrentUser();
  const [failure, setFailure] = useState<VisitFailure | null>(null);
  const { data, loading, error, refetch } = useQuery(CoVisitDocument, { variables: { id } });
  const [accept, acceptState] = useMutation(AcceptCoVisitSlotDocument, { refetchQueries: ['MyCoVisits'] });
  const move = useMove(setFailure);
  const overlap = useOverlapConfirm();
  const visit = data?.coVisit;

  if (error && !visit) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !visit) return <LoadingState />;
  if (!visit) return null;
  const mine = visit.participants.some((p) => p.user?.id === user.id);
  const canAccept = mine && visit.status === CoVisitStatus.PROPOSED && visit.myTurn;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="covisit" data-id={visit.id} data-status={visit.status} data-version={visit.version}>
      {overlap.dialog}
      <Card
        title={
          <Space wrap data-testid="covisit-heading">
            <span>{visit.hospital?.name ?? t('visit.hiddenHospital')}</span>
            {visit.department && <Typography.Text type="secondary">{visit.department.name}</Typography.Text>}
            <span data-testid="covisit-status">
              <CoVisitStatusTag status={visit.status} />
            </span>
          </Space>
        }
        extra={<Link to="/visits/week">{t('visit.backToWeek')}</Link>}
      >
        {failure && (
          <Alert
            type={failure.stale ? 'warning' : 'error'}
            showIcon
            closable
            onClose={() => setFailure(null)}
            style={{ marginBottom: 16 }}
            title={failure.message}
            description={failure.stale ? t('visit.reloaded') : failure.reason === ErrorReason.NOT_A_PARTICIPANT ? t('visit.notParticipant') : undefined}
            data-testid="covisit-error"
            data-reason={failure.reason ?? ''}
          />
        )}
        <CoVisitMoves visit={visit} failure={failure} onFailure={setFailure} />
        <Descriptions column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('visit.when')}>
            <span data-testid="covisit-when">{format.dateTime(visit.startsAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('visit.distributor')}>{visit.distributor?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.goal')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="covisit-goal">
              {visit.goal}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('visit.contacts')}>{visit.contacts.map((c) => c.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.products')}>{visit.products.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('visit.participants')} style={{ marginBottom: 16 }}>
            <List
              dataSource={visit.participants}
              data-testid="covisit-participants"
              renderItem={(p) => (
                <List.Item extra={p.checkedInAt ? <Typography.Text type="success">{t('visit.checkedInAt', { at: hhmm(p.checkedInAt) })}</Typography.Text> : null}>
                  <PersonList people={[p.user]} />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('visit.slots')}>
            <List
              dataSource={visit.slots}
              data-testid="covisit-slots"
              renderItem={(s) => {
                const chosen = visit.confirmedSlot?.id === s.id;
                return (
                  <List.Item
                    data-testid="covisit-slot"
                    data-slot={s.id}
                    extra={
                      canAccept && s.proposedSide !== user.side ? (
                        <Button
                          size="small"
                          type="primary"
                          loading={acceptState.loading}
                          onClick={() => void move(() => overlap.guard((confirmOverlap) => accept({ variables: { id: visit.id, expectedVersion: visit.version, slotId: s.id, confirmOverlap } })))}
                          data-testid="slot-accept"
                        >
                          {t('visit.move.accept')}
                        </Button>
                      ) : chosen ? (
                        <Typography.Text type="success">{t('visit.slot.chosen')}</Typography.Text>
                      ) : null
                    }
                  >
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong={chosen}>
                        {format.dateTime(s.startsAt)} – {hhmm(s.endsAt)}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('visit.slot.offeredBy', { who: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`) })}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('visit.timelineTitle')} style={{ marginBottom: 16 }}>
            <StatusTimeline visit={visit} />
          </Card>
          <Card title={t('visit.notes')}>
            <List
              dataSource={visit.notes}
              locale={{ emptyText: t('visit.noNotes') }}
              data-testid="covisit-notes"
              renderItem={(n) => (
                <List.Item extra={<NoteVisibilityTag visibility={n.visibility} />}>
                  <Link to={`/visits/notes/${n.id}`}>
                    {n.visitedOn} · {n.author?.displayName ?? '—'}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
