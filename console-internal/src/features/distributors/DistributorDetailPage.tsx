import { useState } from 'react';
import { Breadcrumb, Button, Col, Row, Space } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StageTag } from '../../components/StageTag';
import { MoveStageModal } from './MoveStageModal';
import { AuthorizationsCard } from './AuthorizationsCard';
import { AssessmentModal } from './AssessmentModal';
import { ProfileModal } from './ProfileModal';
import { UsersCard } from './UsersCard';
import { CreditCard } from '../../components/credit/CreditCard';
import { useDistributorDetail } from './useDistributorDetail';
import { DistributorProfileCard } from './DistributorProfileCard';
import { QualificationsCard, QualificationWarning } from './QualificationsCard';
import { AssessmentsCard } from './AssessmentsCard';
import { SecondTierCard, StageHistoryCard } from './StageHistoryCard';
import { AssignManagerModal, type AssignTarget } from './AssignManagerModal';
import { QualificationModal, type QualificationTarget } from './QualificationModal';
import { TargetsCard } from './TargetsCard';
import { ScorecardCard } from './scorecard/ScorecardCard';

export default function DistributorDetailPage() {
  const { t } = useTranslation();
  const {
    query,
    d,
    canManage,
    canMove,
    canSetCredit,
    canAssign,
    canKeepDocuments,
    canReadTargets,
    canReadScorecard,
    urgent,
    moving,
    setMoving,
    editing,
    setEditing,
    assessing,
    setAssessing,
  } = useDistributorDetail();
  const { data, loading, error, refetch } = query;
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);
  const [documenting, setDocumenting] = useState<QualificationTarget | null>(null);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  if (!d) return <LoadingState />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/distributors">{t('nav.distributors')}</Link> }, { title: d.name }]}
      />
      <PageHeader
        title={
          <Space>
            {d.name}
            <StageTag stage={d.stage} />
          </Space>
        }
        subtitle={d.code}
        extra={
          canMove && (
            <Button
              type="primary"
              icon={<SwapOutlined />}
              onClick={() => setMoving(true)}
              data-testid="move-stage-open"
            >
              {t('lifecycle.move')}
            </Button>
          )
        }
      />
      <QualificationWarning urgent={urgent} />
      <DistributorProfileCard
        d={d}
        onEdit={canManage ? () => setEditing(true) : undefined}
        onAssign={
          canAssign
            ? () =>
                setAssigning({
                  kind: 'one',
                  id: d.id,
                  name: d.name,
                  version: d.version,
                  currentId: d.channelManager?.id,
                })
            : undefined
        }
      />
      <CreditCard distributorId={d.id} edit={canSetCredit ? { version: d.version } : undefined} />
      <QualificationsCard
        qualifications={d.qualifications}
        keep={
          canKeepDocuments
            ? {
                onAdd: () => setDocumenting({ distributorId: d.id }),
                onRenew: (renews) => setDocumenting({ distributorId: d.id, renews }),
                onUploaded: () => void refetch(),
              }
            : undefined
        }
      />
      <AssessmentsCard assessments={d.assessments} onRecord={canManage ? () => setAssessing(true) : undefined} />
      <AuthorizationsCard distributorId={d.id} grants={d.authorizations} canManage={canManage} />
      {canReadTargets && <TargetsCard distributorId={d.id} />}
      {canReadScorecard && <ScorecardCard distributorId={d.id} />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <StageHistoryCard history={d.stageHistory} />
        </Col>
        <Col xs={24} lg={12}>
          <SecondTierCard secondTier={d.secondTier} />
          {canManage && <UsersCard distributorId={d.id} stage={d.stage} />}
        </Col>
      </Row>
      {canManage && <ProfileModal distributor={d} open={editing} onClose={() => setEditing(false)} />}
      {canManage && <AssessmentModal distributorId={d.id} open={assessing} onClose={() => setAssessing(false)} />}
      {canKeepDocuments && <QualificationModal target={documenting} onClose={() => setDocumenting(null)} />}
      {canAssign && <AssignManagerModal target={assigning} onClose={() => setAssigning(null)} />}
      {canMove && <MoveStageModal distributor={d} open={moving} onClose={() => setMoving(false)} />}
    </>
  );
}
