import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type Audience, downloadFile } from '../kernel/files';

type StatementFile = 'pdf' | 'xlsx';

interface DownloadableStatement {
  id: string;
  period: string;
  version: number;
  distributor?: { code: string } | null;
}

/**
 * A statement's PDF or Excel as the API renders it, fetched with the session (a plain link cannot
 * send the audience header) and named by the app's `statement.fileName`; the PDF and Excel buttons,
 * and whether the last download failed (the app says so where its layout wants it).
 */
export function useStatementDownloads(statement: DownloadableStatement, audience: Audience) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<StatementFile | null>(null);
  const [failed, setFailed] = useState(false);
  const download = async (ext: StatementFile) => {
    setBusy(ext);
    setFailed(false);
    const name = t('statement.fileName', {
      code: statement.distributor?.code ?? '',
      period: statement.period,
      version: statement.version,
      ext,
    });
    const ok = await downloadFile(`/files/statements/${encodeURIComponent(statement.id)}.${ext}`, audience, name);
    setBusy(null);
    setFailed(!ok);
  };
  const buttons = (
    <>
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
    </>
  );
  return { buttons, failed };
}
