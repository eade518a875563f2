import { useEffect, useState } from 'react';
import { Button, Card, Flex, Image, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile, fetchFile } from '@medchannel/web-shared/kernel';
import type { NoteDetail } from './NotePage';

type Attachment = NoteDetail['attachments'][number];

/**
 * Photos shown small (fetched from /files/visit-attachments/<id> with the session and the portal's
 * audience header, which an <img src> cannot send); other documents as a download.
 */
export function NoteAttachments({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const photos = attachments.filter((a) => a.fileMime.startsWith('image/'));
  const files = attachments.filter((a) => !a.fileMime.startsWith('image/'));
  return (
    <Card size="small" title={t('visits.attachments')} data-testid="note-attachments">
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {photos.map((a) => (
              <Photo key={a.id} attachment={a} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {files.map((a) => (
        <FileLink key={a.id} attachment={a} />
      ))}
    </Card>
  );
}

function Photo({ attachment: a }: { attachment: Attachment }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    void fetchFile(a.url, 'portal').then((blob) => {
      if (!blob || !live) return;
      href = URL.createObjectURL(blob);
      setSrc(href);
    });
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [a.url]);
  return (
    <div className="pv-photo" data-testid="note-photo" data-name={a.fileName}>
      {src ? (
        <Image src={src} alt={a.fileName} width={96} height={96} style={{ objectFit: 'cover' }} />
      ) : (
        <div className="pv-photo-wait" />
      )}
    </div>
  );
}

function FileLink({ attachment: a }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setBusy(true);
    setFailed(!(await downloadFile(a.url, 'portal', a.fileName)));
    setBusy(false);
  };
  return (
    <div className="pp-item">
      <Button icon={<FileOutlined />} loading={busy} onClick={() => void open()} data-testid="note-file">
        {a.fileName}
      </Button>
      {failed && <Typography.Text type="danger"> {t('visits.fileFailed')}</Typography.Text>}
    </div>
  );
}
