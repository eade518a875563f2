import { useEffect, useState } from 'react';
import { Button, Flex, Image, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type Audience, downloadFile, fetchFile } from '../kernel/files';

/** A stored file as a record lists it: its download route (under /files, scoped like the record). */
export interface ShownFile {
  id: string;
  url: string;
  fileName: string;
  fileMime: string;
}

/**
 * A record's files: photos as thumbnails that open large (fetched from their /files route with the
 * session and the app's audience header, which an <img src> cannot send), other documents as a
 * download button. `testId` names each thumbnail (`<testId>-photo`) and button (`<testId>-file`).
 */
export function FileThumbnails({
  files,
  audience,
  testId,
}: {
  files: ShownFile[];
  audience: Audience;
  testId: string;
}) {
  const photos = files.filter((f) => f.fileMime.startsWith('image/'));
  const others = files.filter((f) => !f.fileMime.startsWith('image/'));
  if (!files.length) return null;
  return (
    <Flex vertical gap={4}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {photos.map((f) => (
              <Thumbnail key={f.id} file={f} audience={audience} testId={`${testId}-photo`} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <FileButton key={f.id} file={f} audience={audience} testId={`${testId}-file`} />
      ))}
    </Flex>
  );
}

function Thumbnail({ file, audience, testId }: { file: ShownFile; audience: Audience; testId: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let href: string | null = null;
    let live = true;
    void fetchFile(file.url, audience).then((blob) => {
      if (!live) return;
      if (!blob) return setFailed(true);
      href = URL.createObjectURL(blob);
      setSrc(href);
    });
    return () => {
      live = false;
      if (href) URL.revokeObjectURL(href);
    };
  }, [file.url, audience]);
  const box = { width: 72, height: 72, borderRadius: 4, background: '#f5f5f5' };
  return (
    <div data-testid={testId} data-name={file.fileName} title={file.fileName}>
      {src ? (
        <Image src={src} alt={file.fileName} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
      ) : failed ? (
        <Flex align="center" justify="center" style={box}>
          <Typography.Text type="danger">{t('file.openFailed')}</Typography.Text>
        </Flex>
      ) : (
        <div style={box} aria-busy="true" />
      )}
    </div>
  );
}

function FileButton({ file, audience, testId }: { file: ShownFile; audience: Audience; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setBusy(true);
    setFailed(!(await downloadFile(file.url, audience, file.fileName)));
    setBusy(false);
  };
  return (
    <div>
      <Button size="small" icon={<FileOutlined />} loading={busy} onClick={() => void open()} data-testid={testId}>
        {file.fileName}
      </Button>
      {failed && <Typography.Text type="danger"> {t('file.openFailed')}</Typography.Text>}
    </div>
  );
}
