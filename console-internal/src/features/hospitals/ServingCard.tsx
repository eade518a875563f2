import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import type { HospitalQuery } from '../../gql/graphql';
import { StageTag } from '../../components/StageTag';
import { ReportServingForm } from './ReportServingForm';

type H = HospitalQuery['hospital'];

/** Who serves the hospital: the distributors authorized there today, and those heard of (听说), reported here. */
export function ServingCard({ hospital: h }: { hospital: H }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('hospital.serving')} style={{ marginBottom: 16 }}>
      {h.servingDistributors.length === 0 && h.reportedServing.length === 0 ? (
        <EmptyState title={t('hospital.noServing')} />
      ) : (
        <List
          dataSource={[
            ...h.servingDistributors.map((d) => ({
              key: d.id,
              title: <Link to={`/distributors/${d.id}`}>{d.name}</Link>,
              extra: <StageTag stage={d.stage} />,
              description: t('hospital.authorized'),
            })),
            ...h.reportedServing.map((r) => ({
              key: r.id,
              title: r.distributorName,
              extra: <Tag>{t('hospital.reported')}</Tag>,
              description: [r.products, format.date(r.createdAt)].filter(Boolean).join(' · '),
            })),
          ]}
          renderItem={(item) => (
            <List.Item extra={item.extra}>
              <List.Item.Meta title={item.title} description={item.description} />
            </List.Item>
          )}
        />
      )}
      <ReportServingForm hospitalId={h.id} />
    </Card>
  );
}
