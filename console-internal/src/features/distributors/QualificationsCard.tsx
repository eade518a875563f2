import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type DistributorDetailFragment } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { ExpiryTag } from '@medchannel/web-shared/components';
import { downloadFile } from '@medchannel/web-shared/kernel';
import { EmptyState } from '@medchannel/web-shared/states';
import { ScanUpload } from './ScanUpload';
import { useRenewalColumn } from './RenewalReview';

type Qualification = DistributorDetailFragment['qualifications'][number];

/** The banner over the page when a qualification has run out or is about to. */
export function QualificationWarning({ urgent }: { urgent: Qualification[] }) {
  const { t } = useTranslation();
  if (urgent.length === 0) return null;
  return (
    <Alert
      type={urgent.some((q) => q.expiry.level === 'EXPIRED') ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="qualification-warning"
      title={t('qualification.bannerTitle')}
      description={urgent
        .map(
          (q) =>
            `${t(`qualType.${q.type}`)} ${q.number}: ${t(`expiry.${q.expiry.level}`, { days: Math.abs(q.expiry.daysLeft ?? 0) })}`,
        )
        .join('；')}
    />
  );
}

/** Renewed (续期): a later document of the same kind lasts longer; OTHER documents are each their own. */
const renewedIn = (all: Qualification[]) => (q: Qualification) =>
  q.type !== 'OTHER' &&
  q.validTo !== null &&
  all.some((r) => r.id !== q.id && r.type === q.type && (r.validTo === null || r.validTo > q.validTo!));

interface Keeping {
  onAdd: () => void;
  onRenew: (q: Qualification) => void;
  onUploaded: () => void;
}

/**
 * The distributor's qualifications (licences and filings) with their expiry and file; the brand's
 * channel staff add one, renew one (a later document of the same kind) and upload a missing scan.
 */
export function QualificationsCard({ qualifications, keep }: { qualifications: Qualification[]; keep?: Keeping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const renewed = renewedIn(qualifications);
  const renewalColumn = useRenewalColumn<Qualification>(() => keep?.onUploaded());
  const anyPending = qualifications.some((q) => q.latestRenewal?.status === 'PENDING');
  return (
    <Card
      title={t('qualification.title')}
      style={{ marginBottom: 16 }}
      extra={
        keep && (
          <Button size="small" icon={<PlusOutlined />} onClick={keep.onAdd}>
            {t('qualificationEdit.add')}
          </Button>
        )
      }
    >
      {qualifications.length === 0 ? (
        <EmptyState title={t('qualification.none')} description={t('qualification.noneDescription')} />
      ) : (
        <Table<Qualification>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={qualifications}
          scroll={{ x: 760 }}
          data-testid="qualifications"
          columns={[
            { title: t('qualification.type'), key: 'type', render: (_, q) => t(`qualType.${q.type}`) },
            { title: t('qualification.number'), dataIndex: 'number' },
            {
              title: t('qualification.classes'),
              key: 'classes',
              width: 110,
              render: (_, q) => q.deviceClasses.join(' / ') || '—',
            },
            {
              title: t('qualification.validTo'),
              key: 'validTo',
              width: 230,
              render: (_, q) => (
                <Space size={4} wrap>
                  {q.validTo ? format.date(q.validTo) : t('expiry.noEnd')}
                  {renewed(q) ? (
                    <Tag color="green">{t('qualificationEdit.renewed')}</Tag>
                  ) : (
                    <ExpiryTag expiry={q.expiry} />
                  )}
                </Space>
              ),
            },
            {
              title: t('qualification.file'),
              key: 'file',
              width: 160,
              render: (_, q) =>
                q.file ? (
                  <Typography.Link onClick={() => q.file && void downloadFile(q.file.url, 'console', q.file.name)}>
                    {q.file.name}
                  </Typography.Link>
                ) : keep ? (
                  <ScanUpload qualificationId={q.id} number={q.number} onUploaded={keep.onUploaded} />
                ) : (
                  <Typography.Text type="secondary">{t('qualification.noFile')}</Typography.Text>
                ),
            },
            ...(anyPending ? [renewalColumn] : []),
            ...(keep
              ? [
                  {
                    title: t('qualificationEdit.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, q: Qualification) =>
                      q.validTo && !renewed(q) ? (
                        <Button size="small" type="link" icon={<ReloadOutlined />} onClick={() => keep.onRenew(q)}>
                          {t('qualificationEdit.renew')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
