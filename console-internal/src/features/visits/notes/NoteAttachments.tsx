import { useState } from 'react';
import { Alert, Button, List, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import type { VisitNoteDetailFragment } from '../../../gql/graphql';
import { uploadAttachment } from './attachment.rest';

/** Photos and documents, opened with the session; the author adds more. */
export function NoteAttachments({ note }: { note: VisitNoteDetailFragment }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const answer = await uploadAttachment(note.id, file);
    setBusy(false);
    if (!answer.ok)
      setError(t(`errors.code.${answer.code}`, { defaultValue: t('note.uploadFailed', { names: file.name }) }));
    else await client.refetchQueries({ include: ['VisitNote'] });
  };
  return (
    <>
      <List
        dataSource={note.attachments}
        locale={{ emptyText: t('note.noAttachments') }}
        data-testid="note-attachments"
        renderItem={(a) => (
          <List.Item>
            <a href={a.url} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {a.fileName}
            </a>
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon title={error} data-testid="note-upload-error" />}
      {note.author?.id === user.id && (
        <div data-testid="note-upload-area">
          <Upload showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
            <Button icon={<UploadOutlined />} loading={busy} style={{ marginTop: 8 }} data-testid="note-upload">
              {t('note.addFiles')}
            </Button>
          </Upload>
        </div>
      )}
    </>
  );
}
