import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '@medchannel/web-shared/kernel';
import { EmptyState } from '@medchannel/web-shared/states';
import type { MyQualificationFragment } from '../../gql/graphql';
import { QualificationItem } from './QualificationItem';

/** The company's qualifications: each with its expiry, its scan to download, and (owner) one to upload. */
export function DocumentsCard({
  qualifications,
  canUpload,
  onUploaded,
}: {
  qualifications: MyQualificationFragment[];
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('company.documents')} data-testid="company-documents">
      {qualifications.length === 0 ? (
        <EmptyState title={t('company.noDocuments')} description={t('company.noDocumentsDescription')} />
      ) : (
        <div className="pp-list">
          {qualifications.map((q) => (
            <QualificationItem key={q.id} q={q} canUpload={canUpload} onUploaded={onUploaded} />
          ))}
        </div>
      )}
    </Card>
  );
}

/** The pack hospitals ask for: licence scans, an authorization letter per live grant, the registration list. */
export function PackButton({ distributorId, code }: { distributorId: string; code: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await downloadFile(
      `/files/packs/${encodeURIComponent(distributorId)}.zip`,
      'portal',
      t('company.packFile', { code }),
    );
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <Flex vertical gap={4} align="flex-start">
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="download-pack">
        {t('company.pack')}
      </Button>
      {failed && (
        <Typography.Text type="danger" data-testid="pack-error">
          {t('company.packFailed')}
        </Typography.Text>
      )}
    </Flex>
  );
}
