import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '@medchannel/web-shared/kernel';

/**
 * A qualification's scan sent from the hidden file input (PUT /files/qualifications/<id>): busy,
 * done, or the coded refusal in the reader's words (413/415 answer one).
 */
export function useScanUpload(qualificationId: string, onUploaded: () => void) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setDone(false);
    const result = await uploadFile(`/files/qualifications/${encodeURIComponent(qualificationId)}`, file, 'portal');
    setBusy(false);
    if (input.current) input.current.value = '';
    if (result.ok) {
      setDone(true);
      onUploaded();
    } else {
      setFailure(t(`errors.reason.${result.reason}`, { defaultValue: t(`errors.code.${result.code}`) }));
    }
  };

  return { input, busy, failure, setFailure, done, pick };
}
