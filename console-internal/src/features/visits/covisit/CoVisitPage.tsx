import { Alert, Card, Col, Descriptions, List, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { chinaTime } from '@medchannel/web-shared/kernel';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CoVisitStatusTag, NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { PersonList } from '../PersonList';
import { CoVisitMoves } from './CoVisitMoves';
import { CoVisitSlots } from './CoVisitSlots';
import { StatusTimeline } from './StatusTimeline';
import { useCoVisit } from './useCoVisit';

/** 协同拜访 detail: where and why, who goes, the times offered, what happened, and the viewer's moves. */
export default function CoVisitPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user, visit, loading, error, refetch, failure, setFailure, overlap, canAccept, accepting, acceptSlot } =
    useCoVisit();

  if (error && !visit) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !visit) return <LoadingState />;
  if (!visit) return null;

  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="covisit"
      data-id={visit.id}
      data-status={visit.status}
      data-version={visit.version}
    >
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
            description={
              failure.stale
                ? t('visit.reloaded')
                : failure.reason === ErrorReason.NOT_A_PARTICIPANT
                  ? t('visit.notParticipant')
                  : undefined
            }
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
          <Descriptions.Item label={t('visit.contacts')}>
            {visit.contacts.map((c) => c.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('visit.products')}>
            {visit.products.map((p) => p.name).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('visit.participants')} style={{ marginBottom: 16 }}>
            <List
              dataSource={visit.participants}
              data-testid="covisit-participants"
              renderItem={(p) => (
                <List.Item
                  extra={
                    p.checkedInAt ? (
                      <Typography.Text type="success">
                        {t('visit.checkedInAt', { at: chinaTime(p.checkedInAt) })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <PersonList people={[p.user]} />
                </List.Item>
              )}
            />
          </Card>
          <CoVisitSlots
            visit={visit}
            side={user.side}
            canAccept={canAccept}
            accepting={accepting}
            onAccept={acceptSlot}
          />
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
