import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { saveFile, type FileFailure } from '@medchannel/web-shared/kernel';

/** The lists that export to Excel: their path under /files/exports and the file's name (export.file.<key>). */
const EXPORTS = {
  orders: 'orders.xlsx',
  receivablesAging: 'receivables-aging.xlsx',
  trainingCompletion: 'training-completion.xlsx',
  audit: 'audit.xlsx',
  sellOut: 'sell-out.xlsx',
} as const;
export type ExportKind = keyof typeof EXPORTS;

/** What went wrong, in words a person can act on: too many rows, a filter the API refused, not allowed, or try again. */
function problemKey(failure: FileFailure): string {
  if (failure.reason === 'TOO_MANY_ROWS') return 'export.tooManyRows';
  if (failure.code === 'BAD_USER_INPUT') return 'export.badFilter';
  if (failure.code === 'FORBIDDEN') return 'export.forbidden';
  return 'export.failed';
}

/**
 * 导出 Excel: downloads the list as the screen shows it. The screen's filters live in its URL and
 * the export takes the same names, so the button sends the address bar's parameters as they are
 * (the API reads the ones its list knows); loading while the file is made, and a coded refusal as
 * a message that says why.
 */
export function ExportButton({ kind }: { kind: ExportKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { params } = useUrlFilters();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    const result = await saveFile(`/files/exports/${EXPORTS[kind]}?${params}`, 'console', t(`export.file.${kind}`));
    setBusy(false);
    if (!result.ok) void message.error(t(problemKey(result), { limit: result.limit, field: result.field }));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={`export-${kind}`}>
      {t('export.button')}
    </Button>
  );
}
