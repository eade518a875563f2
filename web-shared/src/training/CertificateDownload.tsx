import { useState } from 'react';
import { Button, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Audience } from '../kernel/files';
import { addTrainingStrings } from './strings';

addTrainingStrings();

/**
 * 下载证书: the certificate as the API prints it (a PDF with its verification code), saved under
 * its number; when it cannot be had, says so beside the button.
 */
export function CertificateDownload({
  certificate,
  audience,
  size = 'small',
}: {
  certificate: { id: string; number: string };
  audience: Audience;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await downloadFile(
      `/files/certificates/${encodeURIComponent(certificate.id)}.pdf`,
      audience,
      t('certificateDownload.fileName', { number: certificate.number }),
    );
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <Button
        size={size}
        icon={<FilePdfOutlined />}
        loading={busy}
        onClick={() => void download()}
        data-testid="certificate-download"
      >
        {t('certificateDownload.button')}
      </Button>
      {failed && (
        <Typography.Text type="danger" data-testid="certificate-download-error">
          {t('certificateDownload.failed')}
        </Typography.Text>
      )}
    </span>
  );
}
