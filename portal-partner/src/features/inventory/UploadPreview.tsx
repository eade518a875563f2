import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { SelloutUploadViewFragment } from '../../gql/graphql';
import { UploadRowCard } from './UploadRowCard';

/** The preview (rows, matches, problems) and the commit; once committed, what reconciliation found. */
export function UploadPreview({
  upload,
  replayed,
  busy,
  onChoose,
  onCommit,
  onAgain,
}: {
  upload: SelloutUploadViewFragment;
  replayed: boolean;
  busy: boolean;
  onChoose: (row: number, candidate: number | null) => void;
  onCommit: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const committed = upload.status === 'COMMITTED';
  const fileProblems = upload.errors.filter((e) => !upload.rows.some((r) => r.row === e.row));
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{upload.fileName}</Typography.Text>
        <div>
          {t('stock.upload.summary', { month: upload.month, rows: upload.totalRows, problems: upload.errorCount })}
        </div>
      </Card>
      {committed && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="upload-committed"
          title={replayed ? t('stock.upload.replayed') : t('stock.upload.committed')}
        />
      )}
      {!committed && upload.errorCount > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('stock.upload.fix')} />
      )}
      {fileProblems.map((p) => (
        <Alert key={`${p.row}-${p.column}`} type="error" style={{ marginBottom: 8 }} title={p.message} />
      ))}
      {committed && upload.findings.length > 0 && (
        <Card size="small" title={t('stock.upload.findings')} style={{ marginBottom: 12 }}>
          <List
            size="small"
            dataSource={upload.findings}
            renderItem={(f) => (
              <List.Item data-testid="upload-finding">
                <Flex vertical>
                  <span>
                    <Tag color={f.kind === 'CROSS_TERRITORY' ? 'red' : 'orange'}>
                      {t(`stock.upload.finding.${f.kind}`)}
                    </Tag>
                    {f.productName} · {t('stock.batch')} {f.batchNo}
                  </span>
                  <Typography.Text type="secondary">
                    {f.kind === 'CROSS_TERRITORY'
                      ? t('stock.upload.crossDetail', {
                          quantity: f.quantity,
                          on: format.date(f.occurredOn),
                          hospital: f.hospitalName ?? t('stock.upload.outsideScope'),
                        })
                      : t('stock.upload.differenceDetail', { reported: f.reported, derived: f.derived })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      {upload.rows.map((r) => (
        <UploadRowCard
          key={r.row}
          row={r}
          editable={!committed && !busy}
          problems={upload.errors.filter((e) => e.row === r.row)}
          onChoose={(c) => onChoose(r.row, c)}
        />
      ))}
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        {!committed && (
          <Button type="primary" block disabled={upload.errorCount > 0} loading={busy} onClick={onCommit}>
            {t('stock.upload.commit', { rows: upload.totalRows })}
          </Button>
        )}
        <Button block onClick={onAgain}>
          {t('stock.upload.another')}
        </Button>
      </Flex>
    </>
  );
}
