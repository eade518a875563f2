import { Card, Descriptions, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { SelloutUploadViewFragment } from '../../gql/graphql';

type Row = SelloutUploadViewFragment['rows'][number];
type Problem = SelloutUploadViewFragment['errors'][number];
type Match = Row['candidates'][number];

/** One row of the file: what it says, the hospital it was matched to (with the score, changeable), its problems. */
export function UploadRowCard({
  row,
  problems,
  editable,
  onChoose,
}: {
  row: Row;
  problems: Problem[];
  editable: boolean;
  onChoose: (candidate: number | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = (m: Match) =>
    `${m.outsideScope ? t('stock.upload.outsideScope') : m.hospitalName} · ${t('stock.upload.score', {
      score: Math.round((m.score ?? 0) * 100),
    })}`;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="upload-row"
      title={t('stock.upload.row', { row: row.row })}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('stock.upload.inFile')}>{row.hospitalText || '—'}</Descriptions.Item>
        {row.hospitalText && (
          <Descriptions.Item label={t('stock.hospital')}>
            {editable ? (
              <Select
                style={{ width: '100%' }}
                aria-label={t('stock.upload.chooseFor', { row: row.row })}
                value={row.match?.candidate ?? undefined}
                placeholder={t('stock.upload.choose')}
                onChange={(v) => onChoose(v ?? null)}
                allowClear
                options={row.candidates.map((c) => ({ value: c.candidate!, label: label(c) }))}
              />
            ) : (
              (row.match && label(row.match)) || '—'
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('stock.product')}>{row.productName ?? row.productText}</Descriptions.Item>
        <Descriptions.Item label={t('stock.batch')}>{row.batchNo || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('stock.quantity')}>
          {row.quantity === null ? '—' : format.number(row.quantity)}
        </Descriptions.Item>
        {row.occurredOn && (
          <Descriptions.Item label={t('stock.occurredOn')}>{format.date(row.occurredOn)}</Descriptions.Item>
        )}
      </Descriptions>
      {row.crossTerritory && <Tag color="red">{t('stock.upload.crossTerritory')}</Tag>}
      {problems.map((p) => (
        <Typography.Text type="danger" key={`${p.column}-${p.code}`} style={{ display: 'block' }}>
          {t('stock.upload.problem', {
            column: t(`stock.upload.column.${p.column || 'file'}`),
            problem: t(`stock.upload.code.${p.code}`),
          })}
        </Typography.Text>
      ))}
    </Card>
  );
}
