import { Alert, Button, Card, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import type { Preview, RowError } from './useImport';

interface Props {
  preview: Preview;
  fileName: string;
  /** What the file will create, worded for its kind */
  willCreate: string;
  progress: { done: number; total: number } | null;
  committing: boolean;
  commitError: unknown;
  onCommit: () => void;
}

/** Step 3: the uploaded file's counts and every row error; only a clean file can be committed. */
export function ImportPreview({ preview, fileName, willCreate, progress, committing, commitError, onCommit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('import.step3')} data-testid="import-preview">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('import.file')}>{fileName}</Descriptions.Item>
        <Descriptions.Item label={t('import.totalRows')}>{format.number(preview.totalRows)}</Descriptions.Item>
        <Descriptions.Item label={t('import.errorCount')}>
          <Typography.Text type={preview.errorCount ? 'danger' : 'success'} data-testid="import-error-count">
            {format.number(preview.errorCount)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('import.willCreate')}>{willCreate}</Descriptions.Item>
      </Descriptions>
      {preview.errorCount > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.fixFirst')}
            description={
              preview.errorCount > preview.errors.length
                ? t('import.firstErrors', { count: preview.errors.length })
                : undefined
            }
            style={{ marginBottom: 16 }}
          />
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            data-testid="import-errors"
            columns={[
              // Row 0 / no column: the file as a whole (not a workbook, no sheet).
              { title: t('import.row'), key: 'row', width: 90, render: (_, e) => (e.row > 0 ? e.row : '—') },
              { title: t('import.column'), key: 'column', width: 160, render: (_, e) => e.column || '—' },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {progress && (
            <Progress
              percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0}
              format={() => `${format.number(progress.done)} / ${format.number(progress.total)}`}
              status="active"
              data-testid="import-progress"
            />
          )}
          {Boolean(commitError) && <Alert type="error" showIcon title={errorMessage(t, commitError)} />}
          <Button
            type="primary"
            loading={committing}
            disabled={preview.totalRows === 0}
            onClick={onCommit}
            data-testid="import-commit"
          >
            {t('import.commit', { count: preview.totalRows, formatted: format.number(preview.totalRows) })}
          </Button>
        </Space>
      )}
    </Card>
  );
}
