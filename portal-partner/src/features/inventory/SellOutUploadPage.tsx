import './strings';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { UploadForm } from './UploadForm';
import { UploadPreview } from './UploadPreview';
import { useSelloutUpload } from './useSelloutUpload';

/**
 * 流向上传, the month's file as the distributor keeps it (CSV in UTF-8 or GBK, or .xlsx): upload →
 * the hospitals matched, with their scores, to confirm or change → the preview's problems by row →
 * commit, all or nothing. The same file again answers its first commit and changes nothing.
 */
export default function SellOutUploadPage() {
  const { t } = useTranslation();
  const u = useSelloutUpload();
  return (
    <>
      <PageHeader title={t('stock.upload.title')} />
      {u.failure && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={u.failure} data-testid="upload-failure" />
      )}
      {!u.upload && !u.loading && !u.error && <UploadForm uploading={u.uploading} onSend={u.send} />}
      {u.loading && !u.upload && <LoadingState />}
      {u.error && <ErrorState error={u.error} />}
      {u.upload && (
        <UploadPreview
          upload={u.upload}
          replayed={u.replayed}
          busy={u.busy}
          onChoose={u.choose}
          onCommit={u.commit}
          onAgain={u.reset}
        />
      )}
    </>
  );
}
