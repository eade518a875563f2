import './strings';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Progress, Result, Segmented, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage, useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, downloadFile } from '@medchannel/web-shared/components';
import { CommitImportDocument, ImportProgressDocument, type CommitImportMutation } from '../../gql/graphql';
import { KINDS, kindsFor, type Counts, type Kind } from './kinds';

interface RowError {
  row: number;
  column: string;
  message: string;
}

interface Preview {
  id: string;
  status: string;
  totalRows: number;
  errorCount: number;
  errors: RowError[];
  summary: Counts;
}

interface RestError {
  code?: string;
  reason?: string;
  message?: string;
}

/** A coded REST failure in the user's language: the reason's text when there is one, else the code's. */
function restMessage(t: ReturnType<typeof useTranslation>['t'], err: RestError | undefined): string {
  if (err?.reason) {
    const text = t(`errors.reason.${err.reason}`, { defaultValue: '' });
    if (text) return text;
  }
  return t(`errors.code.${err?.code ?? 'INTERNAL'}`, { defaultValue: t('errors.code.INTERNAL') });
}

/**
 * Spreadsheet import: download the template, upload a filled-in .xlsx (or, from the ERP, a CSV), read
 * the preview (counts and every row error), and commit only a clean file. Each role sees its kinds. The commit runs on the server; the page polls its
 * progress every second until the mutation answers.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const kinds = kindsFor(user.role);
  const kind: Kind = kinds.find((k) => k === params.get('kind')) ?? kinds[0] ?? 'hospitals';
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileName, setFileName] = useState<string>('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<CommitImportMutation['commitImport'] | null>(null);
  const [commit, { loading: committing, error: commitError }] = useMutation(CommitImportDocument);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const reset = () => {
    stopPolling();
    setPreview(null);
    setFailure(null);
    setProgress(null);
    setResult(null);
    setFileName('');
  };

  const switchKind = (next: Kind) => {
    reset();
    const p = new URLSearchParams(params);
    p.set('kind', next);
    setParams(p, { replace: true });
  };

  const template = async () => {
    setFailure(null);
    const ok = await downloadFile(`/files/templates/${kind}.xlsx`, 'console', t(`import.templateFile.${kind}`));
    if (!ok) setFailure(t('import.downloadFailed'));
  };

  const upload = async (file: File) => {
    reset();
    setUploading(true);
    setFileName(file.name);
    try {
      const res = await fetch(`/files/imports/${kind}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-medchannel-app': 'console', 'x-file-name': encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as (Preview & { error?: RestError }) | null;
      if (!res.ok || !body || body.error) setFailure(restMessage(t, body?.error ?? { code: res.status === 429 ? 'RATE_LIMITED' : 'INTERNAL' }));
      else setPreview({ ...body, errors: body.errors ?? [], summary: body.summary ?? {} });
    } catch {
      setFailure(t('errors.code.NETWORK'));
    } finally {
      setUploading(false);
    }
  };

  const runCommit = async () => {
    if (!preview) return;
    const id = preview.id;
    setProgress({ done: 0, total: preview.totalRows });
    stopPolling();
    timer.current = setInterval(() => {
      void client
        .query({ query: ImportProgressDocument, variables: { id }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const p = data?.importJob.progress;
          if (p && timer.current) setProgress({ done: p.done, total: p.total });
        })
        .catch(() => undefined);
    }, 1000);
    try {
      const { data } = await commit({ variables: { id } });
      if (data) setResult(data.commitImport);
    } catch {
      // shown from commitError
    } finally {
      stopPolling();
      setProgress(null);
    }
  };

  const counts = (s: Counts | CommitImportMutation['commitImport']) =>
    t(`import.${KINDS[kind].counts}`, {
      hospitals: format.number(s.hospitals ?? 0),
      departments: format.number(s.departments ?? 0),
      distributors: format.number(s.distributors ?? 0),
      payments: format.number(s.payments ?? 0),
      invoices: format.number(s.invoices ?? 0),
      unchanged: format.number(s.unchanged ?? 0),
    });
  const csv = KINDS[kind].accept.includes('.csv');

  return (
    <>
      <PageHeader
        title={t('nav.import')}
        subtitle={t('import.subtitle')}
        extra={
          kinds.length > 1 && (
            <Segmented<Kind>
              value={kind}
              onChange={switchKind}
              disabled={committing}
              data-testid="import-kind"
              options={kinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
            />
          )
        }
      />
      {result ? (
        <Card>
          <Result
            status="success"
            title={t('import.done')}
            subTitle={counts(result)}
            data-testid="import-done"
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate(KINDS[kind].list)}>
                {t('import.toList', { list: t(`import.kind.${kind}`) })}
              </Button>,
              <Button key="again" onClick={reset}>
                {t('import.again')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('import.step1')}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text type="secondary">{t(`import.templateHelp.${kind}`)}</Typography.Text>
              <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="import-template">
                {t('import.template')}
              </Button>
            </Flex>
          </Card>
          <Card title={t('import.step2')}>
            <Upload.Dragger
              accept={KINDS[kind].accept}
              multiple={false}
              showUploadList={false}
              disabled={uploading || committing}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{uploading ? t('import.uploading') : t(csv ? 'import.dropCsv' : 'import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="import-failure" />}
          </Card>
          {preview && (
            <Card title={t('import.step3')} data-testid="import-preview">
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('import.file')}>{fileName}</Descriptions.Item>
                <Descriptions.Item label={t('import.totalRows')}>{format.number(preview.totalRows)}</Descriptions.Item>
                <Descriptions.Item label={t('import.errorCount')}>
                  <Typography.Text type={preview.errorCount ? 'danger' : 'success'} data-testid="import-error-count">
                    {format.number(preview.errorCount)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('import.willCreate')}>{counts(preview.summary)}</Descriptions.Item>
              </Descriptions>
              {preview.errorCount > 0 ? (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    title={t('import.fixFirst')}
                    description={preview.errorCount > preview.errors.length ? t('import.firstErrors', { count: preview.errors.length }) : undefined}
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
                  {commitError && <Alert type="error" showIcon title={errorMessage(t, commitError)} />}
                  <Button type="primary" loading={committing} disabled={preview.totalRows === 0} onClick={() => void runCommit()} data-testid="import-commit">
                    {t('import.commit', { count: preview.totalRows, formatted: format.number(preview.totalRows) })}
                  </Button>
                </Space>
              )}
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
