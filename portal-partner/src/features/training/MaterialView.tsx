import { useState } from 'react';
import { Button, Typography } from 'antd';
import { FileOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MaterialKind } from '@medchannel/shared-schema';
import { downloadFile } from '@medchannel/web-shared/kernel';
import type { Version } from './CoursePage';

type Material = Version['sections'][number]['materials'][number];

const PLAYABLE = /\.(mp4|webm|ogg|m4v)(\?|#|$)/i;

/**
 * One piece of a section: text as text; a video played in place when the browser can, and always
 * linked; a file fetched from /files/course-files/<id> with the session (a plain link could not
 * send the portal's audience header) and handed to the browser.
 */
export function MaterialView({ material: m }: { material: Material }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`material-${m.kind}`}>
      <Typography.Text strong>{m.title}</Typography.Text>
      {m.kind === MaterialKind.TEXT && <Typography.Paragraph className="pt-text">{m.body}</Typography.Paragraph>}
      {m.kind === MaterialKind.VIDEO && m.body && (
        <div className="pt-video">
          {PLAYABLE.test(m.body) && <video src={m.body} controls preload="none" playsInline />}
          <a href={m.body} target="_blank" rel="noopener noreferrer" data-testid="material-video-link">
            <PlayCircleOutlined /> {t('course.openVideo')}
          </a>
        </div>
      )}
      {m.kind === MaterialKind.FILE && m.fileId && <FileLink fileId={m.fileId} name={m.file?.fileName ?? m.title} />}
    </div>
  );
}

function FileLink({ fileId, name }: { fileId: string; name: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await downloadFile(`/files/course-files/${encodeURIComponent(fileId)}`, 'portal', name);
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <div style={{ marginTop: 6 }}>
      <Button icon={<FileOutlined />} loading={busy} onClick={() => void open()} data-testid="material-file-open">
        {t('course.openFile')} · {name}
      </Button>
      {failed && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }}>
          {t('course.fileFailed')}
        </Typography.Text>
      )}
    </div>
  );
}
