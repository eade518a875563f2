import { useState } from 'react';
import { Button, Input, List, Space, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CommentOnVisitNoteDocument, type VisitNoteDetailFragment } from '../../../gql/graphql';
import { type CodedFailure, newRequestKey, useCodedError, FailureAlert } from '@medchannel/web-shared/kernel';
import { useFormat } from '@medchannel/web-shared';

/** The comments, oldest first, and one to add: a key per comment typed, kept through retries. */
export function NoteComments({ note }: { note: VisitNoteDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newRequestKey);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError({ prefix: 'visitError' });
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
      <FailureAlert failure={failure} testId="comment-error" style={{ marginBottom: 8 }} detail={false} />
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('note.commentPlaceholder')}
        data-testid="comment-body"
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={loading}
        disabled={!body.trim()}
        onClick={() => void send()}
        data-testid="comment-submit"
      >
        {t('note.commentSubmit')}
      </Button>
    </>
  );
}
