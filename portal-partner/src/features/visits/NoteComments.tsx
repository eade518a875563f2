import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { CommentOnVisitNoteDocument } from '../../gql/graphql';
import type { NoteDetail } from './NotePage';
import { useKeptDraft } from './keptKey';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { VISIT_ERRORS } from './visitErrors';

/**
 * The comments under a note, oldest first, and one to add. The comment's key is kept with its
 * text until the server answers, so a retry after a lost answer never posts it twice.
 */
export function NoteComments({ note }: { note: NoteDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const explain = useCodedError(VISIT_ERRORS);
  const draft = useKeptDraft(`visit-comment.${note.id}`);
  const [error, setError] = useState<string | null>(null);
  const [comment, commenting] = useMutation(CommentOnVisitNoteDocument, {
    refetchQueries: ['PortalVisitNote'],
    awaitRefetchQueries: true,
  });
  const inFlight = useRef(false);

  const send = async () => {
    const body = draft.text.trim();
    if (inFlight.current || !body) return;
    inFlight.current = true;
    setError(null);
    try {
      await comment({ variables: { noteId: note.id, body, idempotencyKey: draft.requestKey() } });
      draft.done();
    } catch (err) {
      // Refused: the key is spent and the text stays. A lost answer keeps both for the retry.
      const failure = explain(err);
      if (failure.code !== 'NETWORK') draft.refused();
      setError(failure.message);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <Card size="small" title={t('visits.comments', { count: note.comments.length })}>
      <div className="pp-list" data-testid="note-comments">
        {note.comments.map((c) => (
          <div key={c.id} className="pp-item" data-testid="note-comment">
            <div className="pp-muted">
              {c.author?.displayName ?? '—'} · {format.dateTime(c.createdAt)}
            </div>
            <div className="pv-text">{c.body}</div>
          </div>
        ))}
      </div>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {draft.pending && !error && (
          <Alert type="warning" showIcon title={t('visits.commentPending')} data-testid="comment-pending" />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="comment-error" />}
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={draft.text}
          readOnly={draft.pending}
          onChange={(e) => draft.setText(e.target.value)}
          placeholder={t('visits.commentPlaceholder')}
          data-testid="comment-input"
        />
        <Button
          type="primary"
          block
          disabled={!draft.text.trim()}
          loading={commenting.loading}
          onClick={() => void send()}
          data-testid="comment-send"
        >
          {t(draft.pending ? 'visits.commentRetry' : 'visits.commentSend')}
        </Button>
      </Flex>
    </Card>
  );
}
