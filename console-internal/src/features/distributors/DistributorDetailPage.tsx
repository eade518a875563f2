import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, List, Rate, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DistributorStage, Role, STAGE_TRANSITIONS } from '@medchannel/shared-schema';
import { DistributorDocument, type DistributorDetailFragment } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ExpiryTag, PageHeader, URGENT_EXPIRY, downloadFile } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StageTag } from './StageTag';
import { MoveStageModal } from './MoveStageModal';
import { AuthorizationsCard } from './AuthorizationsCard';
import { AssessmentModal } from './AssessmentModal';
import { ProfileModal } from './ProfileModal';
import { UsersCard } from './UsersCard';
import { CreditCard } from './CreditCard';

/** Who may move stages and grant: the API's CHANNEL_STAFF. Others read. */
const MANAGERS: string[] = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];
/** Who sets credit limits: the API's setCreditLimit roles. */
const CREDIT_SETTERS: string[] = [Role.ADMIN, Role.FINANCE];

type Qualification = DistributorDetailFragment['qualifications'][number];
type Assessment = DistributorDetailFragment['assessments'][number];

export default function DistributorDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DistributorDocument, { variables: { id } });
  const [moving, setMoving] = useState(false);
  const [editing, setEditing] = useState(false);
  const [assessing, setAssessing] = useState(false);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const d = data?.distributor;
  if (!d) return <LoadingState />;
  const region = d.region ? [d.region.parent?.name, d.region.name].filter(Boolean).join(' / ') : '—';
  const canManage = MANAGERS.includes(user.role);
  const canMove = canManage && (STAGE_TRANSITIONS[d.stage as DistributorStage]?.length ?? 0) > 0;
  const urgent = d.qualifications.filter((q) => URGENT_EXPIRY.has(q.expiry.level));

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/distributors">{t('nav.distributors')}</Link> }, { title: d.name }]}
      />
      <PageHeader
        title={<Space>{d.name}<StageTag stage={d.stage} /></Space>}
        subtitle={d.code}
        extra={
          canMove && (
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="move-stage-open">
              {t('lifecycle.move')}
            </Button>
          )
        }
      />
      {urgent.length > 0 && (
        <Alert
          type={urgent.some((q) => q.expiry.level === 'EXPIRED') ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="qualification-warning"
          title={t('qualification.bannerTitle')}
          description={urgent
            .map((q) => `${t(`qualType.${q.type}`)} ${q.number}: ${t(`expiry.${q.expiry.level}`, { days: Math.abs(q.expiry.daysLeft ?? 0) })}`)
            .join('；')}
        />
      )}
      <Card
        title={t('distributor.profile')}
        style={{ marginBottom: 16 }}
        extra={
          canManage && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="profile-edit">
              {t('distributor.editProfile')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('distributor.code')}>{d.code}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.stage')}>
            <StageTag stage={d.stage} />
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.tier')}>{t('distributor.tierValue', { tier: d.tier })}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.region')}>{region}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.channelManager')}>
            {d.channelManager ? `${d.channelManager.displayName} (${d.channelManager.email})` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.parent')}>
            {d.parent ? <Link to={`/distributors/${d.parent.id}`}>{d.parent.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.creditCode')}>{d.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.registeredCapital')}>
            {d.registeredCapital ? format.money(d.registeredCapital) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.contact')}>
            {[d.contactName, d.contactPhone].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.address')}>{d.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.createdAt')}>{format.date(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.classifications')}>
            {d.classifications.length ? (
              <Space size={4} wrap data-testid="classifications">
                {d.classifications.map((c) => (
                  <Tag key={c} color="blue">
                    {t(`classification.${c}`)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CreditCard distributorId={d.id} edit={CREDIT_SETTERS.includes(user.role) ? { version: d.version } : undefined} />
      <Card title={t('qualification.title')} style={{ marginBottom: 16 }}>
        {d.qualifications.length === 0 ? (
          <EmptyState title={t('qualification.none')} description={t('qualification.noneDescription')} />
        ) : (
          <Table<Qualification>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.qualifications}
            scroll={{ x: 760 }}
            data-testid="qualifications"
            columns={[
              { title: t('qualification.type'), key: 'type', render: (_, q) => t(`qualType.${q.type}`) },
              { title: t('qualification.number'), dataIndex: 'number' },
              { title: t('qualification.classes'), key: 'classes', width: 110, render: (_, q) => q.deviceClasses.join(' / ') || '—' },
              {
                title: t('qualification.validTo'),
                key: 'validTo',
                width: 230,
                render: (_, q) => (
                  <Space size={4} wrap>
                    {q.validTo ? format.date(q.validTo) : t('expiry.noEnd')}
                    <ExpiryTag expiry={q.expiry} />
                  </Space>
                ),
              },
              {
                title: t('qualification.file'),
                key: 'file',
                width: 160,
                render: (_, q) =>
                  q.file ? (
                    <Typography.Link onClick={() => q.file && void downloadFile(q.file.url, 'console', q.file.name)}>{q.file.name}</Typography.Link>
                  ) : (
                    <Typography.Text type="secondary">{t('qualification.noFile')}</Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('assessment.latest')}
        style={{ marginBottom: 16 }}
        extra={
          canManage && (
            <Button size="small" icon={<FormOutlined />} onClick={() => setAssessing(true)} data-testid="assessment-open">
              {t('assessment.record')}
            </Button>
          )
        }
      >
        {d.assessments.length === 0 ? (
          <EmptyState title={t('assessment.none')} description={t('assessment.noneDescription')} />
        ) : (
          <Table<Assessment>
            rowKey="id"
            size="small"
            dataSource={[...d.assessments].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
            pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 960 }}
            data-testid="assessments"
            columns={[
              { title: t('assessment.date'), key: 'date', width: 170, render: (_, a) => format.dateTime(a.createdAt) },
              ...(['fitScore', 'willingnessScore', 'capabilityScore'] as const).map((k) => ({
                title: t(`assessment.${k}`),
                key: k,
                width: 130,
                render: (_: unknown, a: Assessment) => <Rate disabled count={5} value={a[k]} style={{ fontSize: 12 }} />,
              })),
              {
                title: t('assessment.findings'),
                key: 'findings',
                render: (_, a) => (
                  <Space direction="vertical" size={0}>
                    {(['productsCarried', 'competingProducts', 'brandStrength', 'peerReviews'] as const)
                      .filter((k) => a[k])
                      .map((k) => (
                        <Typography.Text key={k}>
                          <Typography.Text type="secondary">{t(`assessment.${k}`)}：</Typography.Text>
                          {a[k]}
                        </Typography.Text>
                      ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <AuthorizationsCard distributorId={d.id} grants={d.authorizations} canManage={canManage} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('lifecycle.history')} style={{ marginBottom: 16 }}>
            {d.stageHistory.length === 0 ? (
              <EmptyState title={t('lifecycle.noHistory')} />
            ) : (
              <Timeline
                data-testid="stage-history"
                items={d.stageHistory.map((h) => ({
                  key: h.id,
                  content: (
                    <>
                      <Space size={4} wrap>
                        <StageTag stage={h.fromStage} />→<StageTag stage={h.toStage} />
                        <Typography.Text type="secondary">{format.dateTime(h.createdAt)}</Typography.Text>
                      </Space>
                      <div>{h.reason}</div>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('distributor.secondTier')} style={{ marginBottom: 16 }}>
            {d.secondTier.length === 0 ? (
              <EmptyState title={t('distributor.noSecondTier')} />
            ) : (
              <List
                dataSource={d.secondTier}
                renderItem={(s) => (
                  <List.Item extra={<StageTag stage={s.stage} />}>
                    <List.Item.Meta title={<Link to={`/distributors/${s.id}`}>{s.name}</Link>} description={s.code} />
                  </List.Item>
                )}
              />
            )}
          </Card>
          {canManage && <UsersCard distributorId={d.id} />}
        </Col>
      </Row>
      {canManage && <ProfileModal distributor={d} open={editing} onClose={() => setEditing(false)} />}
      {canManage && <AssessmentModal distributorId={d.id} open={assessing} onClose={() => setAssessing(false)} />}
      {canMove && <MoveStageModal distributor={d} open={moving} onClose={() => setMoving(false)} />}
    </>
  );
}
