import { useState } from 'react';
import { Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '@medchannel/web-shared/kernel';
import { SelloutUploadKind } from '@medchannel/shared-schema';

/** The month before this one (YYYY-MM), the month a distributor usually reports. */
function lastMonth(): string {
  const [y, m] = chinaToday().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The file to upload: what it reports (sell-out or stock on hand), its month, the file itself. */
export function UploadForm({
  uploading,
  onSend,
}: {
  uploading: boolean;
  onSend: (file: File, month: string, kind: SelloutUploadKind) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SelloutUploadKind>(SelloutUploadKind.SELL_OUT);
  const [month, setMonth] = useState(lastMonth());
  const [file, setFile] = useState<File | null>(null);
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t(`stock.upload.hint.${kind}`)}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => file && onSend(file, month, kind)}>
        <Form.Item label={t('stock.upload.kindLabel')}>
          <Segmented
            block
            value={kind}
            onChange={(v) => setKind(v as SelloutUploadKind)}
            options={[
              { value: SelloutUploadKind.SELL_OUT, label: t('stock.upload.kind.SELL_OUT') },
              { value: SelloutUploadKind.STOCK, label: t('stock.upload.kind.STOCK') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('stock.upload.month')} htmlFor="upload-month">
          <Input id="upload-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('stock.upload.file')} htmlFor="upload-file">
          <input
            id="upload-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          icon={<UploadOutlined />}
          loading={uploading}
          disabled={!file || !/^\d{4}-\d{2}$/.test(month)}
        >
          {t('stock.upload.send')}
        </Button>
      </Form>
    </Card>
  );
}
