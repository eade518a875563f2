import { Alert, Button, Flex, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { ExpiryTag } from '@medchannel/web-shared/components';
import { downloadFile } from '@medchannel/web-shared/kernel';
import type { MyQualificationFragment } from '../../gql/graphql';
import { RenewalSection } from './RenewalSection';
import { useScanUpload } from './useScanUpload';

/** One document: number, expiry, scan (download, owner uploads), and the owner's proposed renewal. */
export function QualificationItem({
  q,
  canUpload,
  onUploaded,
}: {
  q: MyQualificationFragment;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { input, busy, failure, setFailure, done, pick } = useScanUpload(q.id, onUploaded);

  return (
    <div className="pp-item" data-testid={`qualification-${q.type}`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong>{t(`qualType.${q.type}`)}</Typography.Text>
        <ExpiryTag expiry={q.expiry} showOk />
      </Flex>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('company.number')}</span>
        {q.number}
      </div>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('company.validTo')}</span>
        {q.validTo ? format.date(q.validTo) : t('expiry.noEnd')}
        {q.deviceClasses.length > 0 && ` · ${t('company.classes', { classes: q.deviceClasses.join(' / ') })}`}
      </div>
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        {q.file ? (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => {
              const file = q.file;
              if (!file) return;
              void downloadFile(file.url, 'portal', file.name).then((ok) =>
                setFailure(ok ? null : t('errors.code.INTERNAL')),
              );
            }}
            data-testid={`download-${q.type}`}
          >
            {q.file.name}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('company.noScan')}
          </Typography.Text>
        )}
        {canUpload && (
          <>
            <input
              ref={input}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              hidden
              data-testid={`upload-${q.type}`}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
            <Button
              size="small"
              type="primary"
              ghost
              icon={<UploadOutlined />}
              loading={busy}
              onClick={() => input.current?.click()}
            >
              {q.file ? t('company.replaceScan') : t('company.uploadScan')}
            </Button>
          </>
        )}
      </Flex>
      {failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={failure} data-testid="upload-error" />}
      <RenewalSection q={q} canPropose={canUpload} onChanged={onUploaded} />
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={t('company.uploaded')}
          data-testid="upload-done"
        />
      )}
    </div>
  );
}
