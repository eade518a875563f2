import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '@medchannel/web-shared/kernel';
import type { PartnerStatementFragment } from '../../gql/graphql';

type Format = 'pdf' | 'xlsx';

/** The statement as the API renders it (PDF to print and stamp, Excel to check against the books). */
export function DownloadButtons({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (format: Format) => {
    setBusy(format);
    setFailed(false);
    const name = t('statement.fileName', {
      code: statement.distributor?.code ?? '',
      period: statement.period,
      version: statement.version,
      ext: format,
    });
    const ok = await downloadFile(`/files/statements/${encodeURIComponent(statement.id)}.${format}`, 'portal', name);
    setBusy(null);
    setFailed(!ok);
  };
  return (
    <Card size="small" title={t('statement.download')}>
      <Flex gap={8} className="pa-actions">
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'pdf'}
          onClick={() => void download('pdf')}
          data-testid="statement-download-pdf"
        >
          PDF
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          loading={busy === 'xlsx'}
          onClick={() => void download('xlsx')}
          data-testid="statement-download-xlsx"
        >
          Excel
        </Button>
      </Flex>
      {failed && (
        <Typography.Text
          type="danger"
          style={{ display: 'block', marginTop: 8 }}
          data-testid="statement-download-error"
        >
          {t('statement.downloadFailed')}
        </Typography.Text>
      )}
    </Card>
  );
}
