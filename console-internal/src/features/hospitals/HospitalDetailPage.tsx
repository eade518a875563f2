import { Breadcrumb, Card, Col, Descriptions, Row } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { HospitalDocument } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { ComplianceQuestion } from './ComplianceQuestion';
import { DecisionChainCard } from './DecisionChainCard';
import { DepartmentsCard } from './DepartmentsCard';
import { HospitalActions } from './HospitalActions';
import { HospitalActivityCard } from './HospitalActivityCard';
import { HospitalAuthorizationsCard } from './HospitalAuthorizationsCard';
import { HospitalNotesCard } from './HospitalNotesCard';
import { ServingCard } from './ServingCard';
import { PotentialCard } from './PotentialCard';
import './strings';

/**
 * One hospital, where a channel manager's day starts: its profile, departments and decision chain,
 * who serves it and under which grants, what happened there, the compliance question, and the
 * actions that start work (plan a co-visit, write a visit note).
 */
export default function HospitalDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(HospitalDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const h = data?.hospital;
  if (!h) return <LoadingState />;
  const canEdit = can(user.role, 'hospital.edit');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/hospitals">{t('nav.hospitals')}</Link> }, { title: h.name }]}
      />
      <PageHeader
        title={h.name}
        subtitle={[h.region.parent?.name, h.region.name].filter(Boolean).join(' / ')}
        extra={<HospitalActions hospital={h} />}
      />
      <Card title={t('hospital.profile')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('hospital.grade')}>{t(`grade.${h.grade}`)}</Descriptions.Item>
          <Descriptions.Item label={t('hospital.beds')}>{h.beds ? format.number(h.beds) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hospital.address')}>{h.address ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <DepartmentsCard hospitalId={h.id} departments={h.departments} canEdit={canEdit} />
        </Col>
        <Col xs={24} xl={14}>
          <DecisionChainCard hospitalId={h.id} contacts={h.contacts} departments={h.departments} canEdit={canEdit} />
        </Col>
        <Col xs={24} xl={10}>
          <ServingCard hospital={h} />
        </Col>
        <Col xs={24} xl={14}>
          <HospitalAuthorizationsCard grants={h.authorizations} />
        </Col>
      </Row>
      {can(user.role, 'potential.read') && (
        <PotentialCard
          hospitalId={h.id}
          beds={h.beds ?? null}
          departments={h.departments}
          canEdit={can(user.role, 'potential.edit')}
        />
      )}
      <HospitalActivityCard hospitalId={h.id} />
      <Card title={t('compliance.title')} style={{ marginBottom: 16 }}>
        <ComplianceQuestion hospitalId={h.id} />
      </Card>
      <HospitalNotesCard hospitalId={h.id} notes={h.notes} />
    </>
  );
}
