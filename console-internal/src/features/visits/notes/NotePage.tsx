import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, List, Row, Space, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { NoteVisibility, Side } from '@medchannel/shared-schema';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CoVisitStatusTag, NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { VisitNoteDocument } from '../../../gql/graphql';
import { PersonList } from '../PersonList';
import { CommitmentItem, NoteTasks } from './NoteItems';
import { NoteComments } from './NoteComments';
import { NoteAttachments } from './NoteAttachments';
import { AddCcModal } from './AddCcModal';

/** 拜访记录: where and what came of it, who reads it, tasks, commitments and their answers, comments, files. */
export default function NotePage() {
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('visit_note', id);
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const [addingCc, setAddingCc] = useState(false);
  const { data, loading, error, refetch } = useQuery(VisitNoteDocument, { variables: { id } });
  const note = data?.visitNote;
  if (error && !note) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !note) return <LoadingState />;
  if (!note) return null;
  const partners = note.cc.filter((p) => p.side === Side.PARTNER);
  const shared = note.visibility === NoteVisibility.SHARED;

  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="note"
      data-id={note.id}
      data-visibility={note.visibility}
    >
      <Card
        title={
          <Space wrap data-testid="note-heading">
            <span>{note.hospital?.name ?? t('visit.hiddenHospital')}</span>
            {note.department && <Typography.Text type="secondary">{note.department.name}</Typography.Text>}
            <NoteVisibilityTag visibility={note.visibility} />
          </Space>
        }
        extra={<Link to="/visits/notes">{t('note.backToList')}</Link>}
      >
        <Alert
          type={shared && partners.length ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="note-readers"
          title={
            shared
              ? t('note.readersShared', { count: partners.length, distributor: note.distributor?.name ?? '' })
              : t('note.readersInternal')
          }
        />
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('note.visitedOn')}>{note.visitedOn}</Descriptions.Item>
          <Descriptions.Item label={t('note.author')}>{note.author?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.distributor')}>{note.distributor?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.contacts')}>
            {note.contacts.map((c) => c.name).join('、') || '—'}
          </Descriptions.Item>
          {note.coVisit && (
            <Descriptions.Item label={t('note.coVisit')}>
              <Link to={`/visits/co/${note.coVisit.id}`}>
                {format.dateTime(note.coVisit.startsAt)} <CoVisitStatusTag status={note.coVisit.status} />
              </Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('note.outcome')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="note-outcome-text">
              {note.outcome}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('note.nextSteps')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note.nextSteps || '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('note.cc')} span={2}>
            <Space size={4} wrap>
              <PersonList people={note.cc} testId="note-cc" empty={t('note.noCc')} />
              {note.author?.id === me.id && (
                <Button size="small" type="link" icon={<UserAddOutlined />} onClick={() => setAddingCc(true)}>
                  {t('noteCc.open')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {addingCc && <AddCcModal note={note} open onClose={() => setAddingCc(false)} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('note.tasks')} style={{ marginBottom: 16 }}>
            <NoteTasks note={note} />
          </Card>
          <Card title={t('note.commitments')} style={{ marginBottom: 16 }}>
            <List
              dataSource={note.commitments}
              locale={{ emptyText: t('note.noCommitments') }}
              data-testid="note-commitments"
              renderItem={(c) => (
                <List.Item>
                  <CommitmentItem c={c} />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('note.attachments')}>
            <NoteAttachments note={note} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('note.comments')}>
            <NoteComments note={note} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
