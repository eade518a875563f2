import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { NoteVisibility, Role } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { newRequestKey } from '@medchannel/web-shared/orders';
import { LoadingState } from '@medchannel/web-shared/states';
import { CoVisitDocument, VisitHospitalPlaceDocument, WriteVisitNoteDocument } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { HospitalPicker } from '../pickers/HospitalPicker';
import { useVisitPeople } from '../pickers/people';
import { useVisitFailure, type VisitFailure } from '../useVisitFailure';
import { plansVisits } from '../roles';
import { AudienceFields } from './AudienceFields';
import { CommitmentFields, TaskFields, commitmentInputs, type CommitmentValue, type TaskValue } from './ItemsFields';
import { uploadAttachment } from './uploadAttachment';
import { chinaDay, chinaToday, hhmm } from '../dates';

interface Values {
  hospitalId?: string;
  departmentId?: string;
  contactIds: string[];
  distributorId?: string;
  visitedOn: Dayjs;
  outcome: string;
  nextSteps?: string;
  visibility: NoteVisibility;
  ccBrandIds: string[];
  ccPartnerIds: string[];
  tasks: TaskValue[];
  commitments: CommitmentValue[];
}

/** Fields a refusal may name, shown beside them (`commitments.0.amount` beside that commitment); the rest above. */
function fieldName(field: string): Array<string | number> | null {
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const top = String(parts[0]);
  if (top === 'ccUserIds') return ['ccBrandIds'];
  if (['hospitalId', 'departmentId', 'contactIds', 'distributorId', 'visitedOn', 'outcome', 'nextSteps', 'visibility'].includes(top)) return [top];
  if ((top === 'tasks' || top === 'commitments') && parts.length >= 3) return parts;
  return null;
}

/**
 * 写拜访记录 — after a co-visit (?coVisit=<id>: its hospital and distributor) or a solo visit.
 * Who will read it is chosen up front and said in words; tasks, commitments and photos follow.
 * One request key per open form, kept through retries; on a refusal everything typed stays.
 * Photos go up once the note exists (the API takes them per note), then the note opens.
 */
export default function WriteNotePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const coVisitId = params.get('coVisit') ?? undefined;
  const [form] = Form.useForm<Values>();
  const [key] = useState(newRequestKey);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<VisitFailure | null>(null);
  const [uploading, setUploading] = useState(false);
  const coVisit = useQuery(CoVisitDocument, { variables: { id: coVisitId ?? '' }, skip: !coVisitId });
  const visit = coVisit.data?.coVisit;
  const hospitalId = Form.useWatch('hospitalId', form) ?? visit?.hospital?.id;
  const distributorId = Form.useWatch('distributorId', form) ?? visit?.distributor?.id;
  const [distributorName, setDistributorName] = useState<string>();
  const visibility = Form.useWatch('visibility', form) ?? NoteVisibility.INTERNAL;
  const ccBrandIds = Form.useWatch('ccBrandIds', form) ?? [];
  const ccPartnerIds = Form.useWatch('ccPartnerIds', form) ?? [];
  const place = useQuery(VisitHospitalPlaceDocument, { variables: { id: hospitalId ?? '' }, skip: !hospitalId });
  const people = useVisitPeople(distributorId);
  const explain = useVisitFailure();
  const [write, { loading }] = useMutation(WriteVisitNoteDocument, { refetchQueries: ['VisitNotes'] });
  const hospital = place.data?.hospital;
  const shared = visibility === NoteVisibility.SHARED;
  const ownerCcd = people.partners.some((p) => p.role === Role.OWNER && ccPartnerIds.includes(p.id));

  const submit = async () => {
    if (loading || uploading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    const commitments = values.commitments ?? [];
    if (commitments.length && !shared) {
      setFailure({ stale: false, message: t('note.commitmentsNeedShared') });
      return;
    }
    try {
      const { data } = await write({
        variables: {
          input: {
            idempotencyKey: key,
            coVisitId,
            hospitalId: coVisitId ? undefined : values.hospitalId,
            distributorId: coVisitId ? undefined : values.distributorId,
            departmentId: values.departmentId,
            contactIds: values.contactIds ?? [],
            visitedOn: values.visitedOn?.format('YYYY-MM-DD'),
            outcome: values.outcome.trim(),
            nextSteps: values.nextSteps?.trim() || undefined,
            visibility: values.visibility,
            ccUserIds: [...(values.ccBrandIds ?? []), ...(shared ? values.ccPartnerIds ?? [] : [])],
            tasks: (values.tasks ?? []).map((task) => ({ title: task.title.trim(), ownerId: task.ownerId, dueOn: task.dueOn?.format('YYYY-MM-DD') })),
            commitments: shared ? commitmentInputs(commitments) : [],
          },
        },
      });
      const note = data!.writeVisitNote;
      setUploading(true);
      const failed: string[] = [];
      for (const f of files) {
        const answer = await uploadAttachment(note.id, f.originFileObj as File);
        if ('code' in answer) failed.push(f.name);
      }
      setUploading(false);
      if (failed.length) void message.warning(t('note.uploadFailed', { names: failed.join('、') }));
      void navigate(`/visits/notes/${note.id}`);
    } catch (error) {
      const f = explain(error);
      const name = f.field ? fieldName(f.field) : null;
      if (name) form.setFields([{ name: name as never, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  if (!plansVisits(user.role)) return <Alert type="info" showIcon title={t('note.cannotWrite')} />;
  if (coVisitId && coVisit.loading && !visit) return <LoadingState />;

  const owners = [
    { value: user.id, label: t('note.you') },
    ...[...people.colleagues, ...people.partners].filter((p) => ccBrandIds.includes(p.id) || (shared && ccPartnerIds.includes(p.id))).map((p) => ({ value: p.id, label: p.displayName })),
  ];

  return (
    <Card title={t('note.writeTitle')} data-testid="note-form">
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} data-testid="note-error" data-reason={failure.reason ?? ''} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: chinaToday(), visibility: NoteVisibility.INTERNAL, contactIds: [], ccBrandIds: [], ccPartnerIds: [], tasks: [], commitments: [], departmentId: visit?.department?.id }}
      >
        {visit ? (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            data-testid="note-covisit"
            title={t('note.forVisit', { hospital: visit.hospital?.name ?? '—', distributor: visit.distributor?.name ?? '—', at: `${chinaDay(visit.startsAt)} ${hhmm(visit.startsAt)}` })}
          />
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="hospitalId" label={t('visit.hospital')} rules={[{ required: true, message: t('visit.hospitalRequired') }]}>
                <HospitalPicker placeholder={t('visit.hospitalSearch')} testId="note-hospital" onChange={(id) => form.setFieldsValue({ hospitalId: id, departmentId: undefined, contactIds: [] })} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="distributorId" label={t('visit.distributor')} extra={t('note.distributorHint')}>
                <DistributorPicker
                  placeholder={t('visit.distributorSearch')}
                  testId="note-distributor"
                  style={{ width: '100%' }}
                  onChange={(id, label) => {
                    form.setFieldsValue({ distributorId: id, ccPartnerIds: [] });
                    setDistributorName(label?.split(' · ')[0]);
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="departmentId" label={t('visit.department')}>
              <Select allowClear showSearch optionFilterProp="label" disabled={!hospital} options={hospital?.departments.map((d) => ({ value: d.id, label: d.name }))} data-testid="note-department" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="contactIds" label={t('visit.contacts')}>
              <Select mode="multiple" allowClear optionFilterProp="label" disabled={!hospital} options={hospital?.contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))} data-testid="note-contacts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="visitedOn" label={t('note.visitedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="note-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="outcome" label={t('note.outcome')} rules={[{ required: true, whitespace: true, message: t('note.outcomeRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="note-outcome" />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('note.nextSteps')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="note-next-steps" />
        </Form.Item>
        <AudienceFields
          visibility={visibility}
          people={people}
          brandIds={ccBrandIds}
          partnerIds={ccPartnerIds}
          distributorName={visit?.distributor?.name ?? (distributorId ? distributorName ?? '' : undefined)}
          onAddBrand={(ids) => form.setFieldsValue({ ccBrandIds: [...ccBrandIds, ...ids] })}
        />
        <TaskFields owners={owners} />
        {shared ? (
          <CommitmentFields allowed={ownerCcd} />
        ) : (
          <Typography.Paragraph type="secondary" data-testid="note-commitments-internal">
            {t('note.commitmentsOnlyShared')}
          </Typography.Paragraph>
        )}
        {shared && !ownerCcd && <Typography.Paragraph type="warning">{t('note.commitmentsNeedOwner')}</Typography.Paragraph>}
        <Form.Item label={t('note.attachments')} extra={t('note.attachmentsHint')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept="image/*,.pdf,.doc,.docx,.xls,.xlsx">
            <Button icon={<UploadOutlined />} data-testid="note-files">
              {t('note.addFiles')}
            </Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" loading={loading || uploading} onClick={() => void submit()} data-testid="note-submit">
            {shared ? t('note.submitShared') : t('note.submitInternal')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
