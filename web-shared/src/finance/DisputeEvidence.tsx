import { useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile, uploadFile, type Audience } from '../kernel';
import { addFinanceStrings } from './strings';

interface Attachment {
  id: string;
  fileName: string;
  url: string;
}

interface Props {
  disputeId: string;
  attachments: readonly Attachment[];
  audience: Audience;
  /** The owner, on his open dispute: may add a photo or PDF */
  canAdd: boolean;
  /** After a file went up: reload what shows the dispute */
  onAdded?: () => void;
}

/**
 * A dispute's evidence: the files the owner attached (each downloaded with the session), and for the owner while the
 * dispute is open, 添加凭证 — a photo from the phone's camera or a PDF, refused in the reader's words when too large
 * or not a photo or PDF. A file that failed to go up is said in place, never dropped silently.
 */
export function DisputeEvidence({ disputeId, attachments, audience, canAdd, onAdded }: Props) {
  addFinanceStrings();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    const result = await uploadFile(
      `/files/statement-disputes/${encodeURIComponent(disputeId)}/attachments`,
      file,
      audience,
    );
    setBusy(false);
    if (input.current) input.current.value = '';
    if (result.ok) onAdded?.();
    else
      setFailure(
        t(`evidence.failure.${result.reason ?? result.code}`, {
          defaultValue: t('evidence.failure.other', { name: file.name }),
        }),
      );
  };

  if (!attachments.length && !canAdd) return null;
  return (
    <Flex vertical gap={4} data-testid="dispute-evidence">
      {attachments.map((a) => (
        <Typography.Link
          key={a.id}
          onClick={() => void downloadFile(a.url, audience, a.fileName)}
          data-testid="dispute-evidence-file"
        >
          <PaperClipOutlined /> {a.fileName}
        </Typography.Link>
      ))}
      {canAdd && (
        <>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            hidden
            onChange={(e) => void send(e.target.files?.[0])}
            data-testid="dispute-evidence-input"
          />
          <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('evidence.add')}
          </Button>
        </>
      )}
      {failure && (
        <Typography.Text type="danger" data-testid="dispute-evidence-failed">
          {failure}
        </Typography.Text>
      )}
    </Flex>
  );
}
