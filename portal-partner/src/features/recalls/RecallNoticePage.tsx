import './strings';
import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RecallStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyRecallDocument, MyRecallHospitalsDocument } from '../../gql/graphql';
import { AcknowledgeCard } from './AcknowledgeCard';
import { SEVERITY_COLOR, lotOf } from './recallWords';

/**
 * 召回通知: what is recalled and what to do, the own units of the lot (held, moved on, sold), the
 * hospitals they went to, and the acknowledgement (an owner: for his second tier too); phone first.
 */
export default function RecallNoticePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MyRecallDocument, { variables: { id } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const r = data?.recall;
  if (loading || !r) return <LoadingState />;
  return (
    <>
      <PageHeader title={`${r.productName} · ${lotOf(r)}`} />
      <Alert
        type={r.severity === 'CLASS_I' ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <>
            <Tag color={SEVERITY_COLOR[r.severity]}>{t(`recall.severityValue.${r.severity}`)}</Tag>
            {r.status === RecallStatus.CLOSED && <Tag>{t('recall.closed')}</Tag>}
            {r.reason}
          </>
        }
        description={r.instructions}
        data-testid="recall-notice"
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('recall.lot')}>{lotOf(r)}</Descriptions.Item>
        <Descriptions.Item label={t('recall.issuedAt')}>{format.dateTime(r.createdAt)}</Descriptions.Item>
      </Descriptions>
      {data.recallDistributors.nodes.map((d) => (
        <AcknowledgeCard
          key={d.distributorId}
          recallId={r.id}
          part={d}
          several={data.recallDistributors.nodes.length > 1}
        />
      ))}
      <Card size="small" title={t('recall.hospitals')} style={{ marginBottom: 12 }}>
        <Hospitals recallId={r.id} />
      </Card>
    </>
  );
}

function Hospitals({ recallId }: { recallId: string }) {
  const { t } = useTranslation();
  const query = useQuery(MyRecallHospitalsDocument, { variables: { id: recallId } });
  const pager = useLoadMore(query, 'recallHospitals');
  return (
    <PagedList
      query={query}
      pager={pager}
      testId="recall-hospitals"
      footerTestId="recall-hospitals"
      empty={<EmptyState title={t('recall.noHospitals')} />}
      row={(h) => (
        <div key={h.id} className="pp-item" data-testid="recall-hospital">
          <div className="pp-row-head">
            <Typography.Text strong style={{ minWidth: 0 }}>
              {h.hospitalName}
            </Typography.Text>
            <span>{t('recall.units', { count: h.quantity })}</span>
          </div>
          <div className="pp-item-line pp-muted">
            {[h.departmentName, h.distributorName].filter(Boolean).join(' · ')}
          </div>
        </div>
      )}
    />
  );
}
