import { useState } from 'react';
import { Alert, Button, Input, List, Space, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { newRequestKey } from '@medchannel/web-shared/orders';
import { CommentOnVisitNoteDocument, type VisitNoteDetailFragment } from '../../../gql/graphql';
import { useVisitFailure, type VisitFailure } from '../useVisitFailure';
import { useVisitTime } from '../dates';

/** The comments, oldest first, and one to add: a key per comment typed, kept through retries. */
export function NoteComments({ note }: { note: VisitNoteDetailFragment }) {
  const { t } = useTranslation();
  const format = useVisitTime();
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newRequestKey);
  const [failure, setFailure] = useState<VisitFailure | null>(null);
  const explain = useVisitFailure();
  const [comment, { loading }] = useMutation(CommentOnVisitNoteDocument, { refetchQueries: ['VisitNote'] });
  const send = async () => {
    if (!body.trim() || loading) return;
    setFailure(null);
    try {
      await comment({ variables: { noteId: note.id, body: body.trim(), idempotencyKey: key } });
      setBody('');
      setKey(newRequestKey());
    } catch (error) {
      setFailure(explain(error));
    }
  };
  return (
    <>
      <List
        dataSource={note.comments}
        locale={{ emptyText: t('note.noComments') }}
        data-testid="note-comments"
        renderItem={(c) => (
          <List.Item data-testid="note-comment">
            <List.Item.Meta
              title={
                <Space>
                  <span>{c.author?.displayName ?? '—'}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.dateTime(c.createdAt)}
                  </Typography.Text>
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>}
            />
          </List.Item>
        )}
      />
      {failure && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={failure.message} data-testid="comment-error" />}
      <Input.TextArea rows={2} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('note.commentPlaceholder')} data-testid="comment-body" />
      <Button type="primary" style={{ marginTop: 8 }} loading={loading} disabled={!body.trim()} onClick={() => void send()} data-testid="comment-submit">
        {t('note.commentSubmit')}
      </Button>
    </>
  );
}
