import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Form, Input, List, Row, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AddHospitalNoteDocument, HospitalDocument, type HospitalQuery } from '../../gql/graphql';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StageTag } from '../distributors/StageTag';

type H = HospitalQuery['hospital'];

/** One hospital: its departments and volumes, who decides, who serves it today, and what we hear. */
export default function HospitalDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(HospitalDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const h = data?.hospital;
  if (!h) return <LoadingState />;
  const departmentName = (departmentId?: string | null) => h.departments.find((d) => d.id === departmentId)?.name ?? '—';

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/hospitals">{t('nav.hospitals')}</Link> }, { title: h.name }]} />
      <PageHeader title={h.name} subtitle={[h.region.parent?.name, h.region.name].filter(Boolean).join(' / ')} />
      <Card title={t('hospital.profile')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('hospital.grade')}>{t(`grade.${h.grade}`)}</Descriptions.Item>
          <Descriptions.Item label={t('hospital.beds')}>{h.beds ? format.number(h.beds) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hospital.address')}>{h.address ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('hospital.departments')} style={{ marginBottom: 16 }}>
            {h.departments.length === 0 ? (
              <EmptyState title={t('hospital.noDepartments')} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={h.departments}
                columns={[
                  { title: t('hospital.department'), dataIndex: 'name' },
                  {
                    title: t('hospital.yearlyVolume'),
                    key: 'volume',
                    render: (_, d: H['departments'][number]) =>
                      d.yearlyVolume != null ? `${format.number(d.yearlyVolume)} ${d.volumeKind ? t(`volumeKind.${d.volumeKind}`) : ''}` : '—',
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('hospital.contacts')} style={{ marginBottom: 16 }}>
            {h.contacts.length === 0 ? (
              <EmptyState title={t('hospital.noContacts')} />
            ) : (
              <List
                dataSource={h.contacts}
                renderItem={(c) => (
                  <List.Item extra={<Tag color={c.decisionRole === 'EQUIPMENT_HEAD' || c.decisionRole === 'DEPARTMENT_HEAD' ? 'blue' : 'default'}>{t(`decisionRole.${c.decisionRole}`)}</Tag>}>
                    <List.Item.Meta
                      title={[c.name, c.title].filter(Boolean).join(' · ')}
                      description={[departmentName(c.departmentId), c.phone].filter((x) => x && x !== '—').join(' · ') || undefined}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('hospital.serving')} style={{ marginBottom: 16 }}>
            {h.servingDistributors.length === 0 && h.reportedServing.length === 0 ? (
              <EmptyState title={t('hospital.noServing')} />
            ) : (
              <List
                dataSource={[
                  ...h.servingDistributors.map((d) => ({ key: d.id, title: <Link to={`/distributors/${d.id}`}>{d.name}</Link>, extra: <StageTag stage={d.stage} />, description: t('hospital.authorized') })),
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
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <NotesCard hospitalId={h.id} notes={h.notes} />
        </Col>
      </Row>
    </>
  );
}

function NotesCard({ hospitalId, notes }: { hospitalId: string; notes: H['notes'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<{ body: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  // The refetch is not awaited: the box empties when the note is saved, before the list shows it,
  // so the text is never on screen twice.
  const [add, { loading }] = useMutation(AddHospitalNoteDocument, { refetchQueries: [{ query: HospitalDocument, variables: { id: hospitalId } }] });

  const submit = async ({ body }: { body: string }) => {
    setFailure(null);
    try {
      await add({ variables: { hospitalId, body: body.trim() } });
      form.resetFields();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <Card title={t('hospital.notes')} style={{ marginBottom: 16 }}>
      <Form form={form} onFinish={(v) => void submit(v)}>
        <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('hospital.noteRequired') }]} style={{ marginBottom: 8 }}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('hospital.notePlaceholder')} data-testid="hospital-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="hospital-note-add">
          {t('hospital.addNote')}
        </Button>
      </Form>
      {failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={failure} />}
      {notes.length === 0 ? (
        <EmptyState title={t('hospital.noNotes')} />
      ) : (
        <List
          style={{ marginTop: 8 }}
          dataSource={notes}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta title={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{format.dateTime(n.createdAt)}</Typography.Text>} description={<span style={{ color: 'rgba(0,0,0,0.85)', whiteSpace: 'pre-wrap' }}>{n.body}</span>} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
