import './strings';
import { Breadcrumb, Button, Card, Descriptions, Popconfirm, Tag } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecallStatus, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CloseRecallDocument, RecallDetailDocument } from '../../gql/graphql';
import { ReachDistributorsTable, ReachHospitalsTable } from './ReachTables';
import { lotOf, SeverityTag } from './recallWords';

/** One recall: what and why, who it reaches (first and second tier, with units) and who has not acknowledged, the hospitals to reach. */
export default function RecallPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(RecallDetailDocument, { variables: { id } });
  const [close, closing] = useMutation(CloseRecallDocument);
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const r = data?.recall;
  if (loading || !r) return <LoadingState />;
  const open = r.status === RecallStatus.OPEN;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/recalls">{t('nav.recalls')}</Link> }, { title: `${r.productName} ${lotOf(r)}` }]}
      />
      <PageHeader
        title={`${r.productName} · ${lotOf(r)}`}
        subtitle={`${t('recall.ackProgress')} ${r.acknowledgedCount} / ${r.distributorCount}`}
        extra={
          open &&
          can(user.role, 'recall.manage') && (
            <Popconfirm title={t('recall.closeConfirm')} onConfirm={() => void close({ variables: { id: r.id } })}>
              <Button loading={closing.loading}>{t('recall.close')}</Button>
            </Popconfirm>
          )
        }
      />
      <Card title={t('recall.details')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('recall.severity')}>
            <SeverityTag severity={r.severity} />
          </Descriptions.Item>
          <Descriptions.Item label={t('recall.status')}>
            <Tag data-testid="recall-status">{t(`recall.statusValue.${r.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('recall.createdAt')}>{format.dateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('recall.reason')}>{r.reason}</Descriptions.Item>
          <Descriptions.Item label={t('recall.instructions')} span={2}>
            {r.instructions}
          </Descriptions.Item>
          {r.closedAt && (
            <Descriptions.Item label={t('recall.closedAt')}>{format.dateTime(r.closedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('recall.reach')} style={{ marginBottom: 16 }}>
        <ReachDistributorsTable recallId={r.id} />
      </Card>
      <Card title={t('recall.reachHospitals')}>
        <ReachHospitalsTable recallId={r.id} />
      </Card>
    </>
  );
}
