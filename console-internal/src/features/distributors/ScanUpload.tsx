import { useRef, useState } from 'react';
import { App, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '@medchannel/web-shared/kernel';

/** A document's scan sent again from its row (PUT /files/qualifications/<id>); a refusal in the reader's words. */
export function ScanUpload({
  qualificationId,
  number,
  onUploaded,
}: {
  qualificationId: string;
  number: string;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const sent = await uploadFile(`/files/qualifications/${encodeURIComponent(qualificationId)}`, file, 'console');
    setBusy(false);
    if (input.current) input.current.value = '';
    if (sent.ok) onUploaded();
    else void message.error(t(`errors.reason.${sent.reason}`, { defaultValue: t(`errors.code.${sent.code}`) }));
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept="application/pdf,image/jpeg,image/png"
        aria-label={t('qualificationEdit.uploadFor', { number })}
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button size="small" type="link" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('qualificationEdit.upload')}
      </Button>
    </>
  );
}
