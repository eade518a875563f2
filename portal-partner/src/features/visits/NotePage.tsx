import './strings';
import { Card, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackLink, DetailPending } from '../../components/DetailPending';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { PortalVisitNoteDocument, type PortalVisitNoteQuery } from '../../gql/graphql';
import { CommitmentItem } from './CommitmentItem';
import { NoteAttachments } from './NoteAttachments';
import { NoteComments } from './NoteComments';
import { NoteTasks } from './NoteTasks';
import { coVisitPath } from '../../components/paths';
import './visits.css';

export type NoteDetail = PortalVisitNoteQuery['visitNote'];

/**
 * 拜访纪要: what came of the visit and the next steps, the tasks (mine to tick off), what the brand
 * promised (the owner answers), photos and documents, and the comments under it.
 */
export default function NotePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('visit_note', id);
  const query = useQuery(PortalVisitNoteDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const back = (
    <BackLink to="/visits?tab=notes" testId="note-back">
      {t('visits.backToNotes')}
    </BackLink>
  );
  if (!query.data) return <DetailPending query={query} back={back} />;
  const note = query.data.visitNote;

  return (
    <Flex
      vertical
      gap={12}
      className="pv-page"
      data-testid="note"
      data-note={note.id}
      data-ready={String(!query.loading)}
    >
      {back}
      <PageHeader
        title={
          <span data-testid="note-hospital">
            {note.hospital?.name ?? t('visits.hiddenHospital')}
            {note.department ? ` · ${note.department.name}` : ''}
          </span>
        }
        subtitle={
          <Flex gap={6} wrap align="center">
            <NoteVisibilityTag visibility={note.visibility} />
            <span className="pp-muted">
              {t('visits.writtenBy', { name: note.author?.displayName ?? '—', date: format.date(note.visitedOn) })}
            </span>
          </Flex>
        }
      />
      <Card size="small">
        <div className="pp-item-label">{t('visits.outcome')}</div>
        <p className="pv-text" data-testid="note-outcome">
          {note.outcome}
        </p>
        {note.nextSteps && (
          <>
            <div className="pp-item-label" style={{ marginTop: 10 }}>
              {t('visits.nextSteps')}
            </div>
            <p className="pv-text" data-testid="note-next-steps">
              {note.nextSteps}
            </p>
          </>
        )}
        {note.coVisit && (
          <div className="pp-item-line" style={{ marginTop: 10 }}>
            <Link to={coVisitPath(note.coVisit.id)} data-testid="note-co-visit">
              {t('visits.ofCoVisit', { goal: note.coVisit.goal })}
            </Link>
          </div>
        )}
        <div className="pp-item-line pp-muted" data-testid="note-cc">
          {t('visits.cc', { names: note.cc.map((p) => p.displayName).join('、') || '—' })}
        </div>
      </Card>
      {note.tasks.length > 0 && <NoteTasks tasks={note.tasks} />}
      {note.commitments.length > 0 && (
        <Card size="small" title={t('visits.commitments')}>
          <div className="pp-list" data-testid="note-commitments">
            {note.commitments.map((c) => (
              <CommitmentItem key={c.id} commitment={c} />
            ))}
          </div>
        </Card>
      )}
      {note.attachments.length > 0 && <NoteAttachments attachments={note.attachments} />}
      <NoteComments note={note} />
    </Flex>
  );
}
