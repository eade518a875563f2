import './strings';
import { Alert, Button, Card, Flex, Result, Segmented, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import type { CommitImportMutation } from '../../gql/graphql';
import { KINDS, kindsFor, type Counts, type Kind } from './kinds';
import { ImportPreview } from './ImportPreview';
import { useImport } from './useImport';

/**
 * Spreadsheet import: download the template, upload a filled-in .xlsx (or, from the ERP, a CSV), read
 * the preview (counts and every row error), and commit only a clean file. Each role sees its kinds. The commit runs on the server; the page polls its
 * progress every second until the mutation answers.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const kinds = kindsFor(user.role);
  const imp = useImport(kinds);

  const counts = (s: Counts | CommitImportMutation['commitImport']) =>
    t(`import.${KINDS[imp.kind].counts}`, {
      hospitals: format.number(s.hospitals ?? 0),
      departments: format.number(s.departments ?? 0),
      distributors: format.number(s.distributors ?? 0),
      payments: format.number(s.payments ?? 0),
      invoices: format.number(s.invoices ?? 0),
      prices: format.number(s.prices ?? 0),
      unchanged: format.number(s.unchanged ?? 0),
    });
  const csv = KINDS[imp.kind].accept.includes('.csv');

  return (
    <>
      <PageHeader
        title={t('nav.import')}
        subtitle={t('import.subtitle')}
        extra={
          kinds.length > 1 && (
            <Segmented<Kind>
              value={imp.kind}
              onChange={imp.switchKind}
              disabled={imp.committing}
              data-testid="import-kind"
              options={kinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
            />
          )
        }
      />
      {imp.result ? (
        <Card>
          <Result
            status="success"
            title={t('import.done')}
            subTitle={counts(imp.result)}
            data-testid="import-done"
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate(KINDS[imp.kind].list)}>
                {t('import.toList', { list: t(`import.kind.${imp.kind}`) })}
              </Button>,
              <Button key="again" onClick={imp.reset}>
                {t('import.again')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('import.step1')}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text type="secondary">{t(`import.templateHelp.${imp.kind}`)}</Typography.Text>
              <Button icon={<DownloadOutlined />} onClick={() => void imp.template()} data-testid="import-template">
                {t('import.template')}
              </Button>
            </Flex>
          </Card>
          <Card title={t('import.step2')}>
            <Upload.Dragger
              accept={KINDS[imp.kind].accept}
              multiple={false}
              showUploadList={false}
              disabled={imp.uploading || imp.committing}
              beforeUpload={(file) => {
                void imp.upload(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {imp.uploading ? t('import.uploading') : t(csv ? 'import.dropCsv' : 'import.drop')}
              </p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            {imp.failure && (
              <Alert type="error" showIcon title={imp.failure} style={{ marginTop: 16 }} data-testid="import-failure" />
            )}
          </Card>
          {imp.preview && (
            <ImportPreview
              preview={imp.preview}
              fileName={imp.fileName}
              willCreate={counts(imp.preview.summary)}
              progress={imp.progress}
              committing={imp.committing}
              commitError={imp.commitError}
              onCommit={() => void imp.runCommit()}
            />
          )}
        </Space>
      )}
    </>
  );
}
