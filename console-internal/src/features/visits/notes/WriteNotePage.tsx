import { Alert, Button, Card, Form, Input, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { can, NoteVisibility } from '@medchannel/shared-schema';
import { LoadingState } from '@medchannel/web-shared/states';
import { chinaToday, FailureAlert } from '@medchannel/web-shared/kernel';
import { AudienceFields } from './AudienceFields';
import { CommitmentFields } from './CommitmentFields';
import { TaskFields } from './TaskFields';
import { NotePlaceFields } from './NotePlaceFields';
import { useWriteNote, type WriteNoteValues } from './useWriteNote';

/**
 * 写拜访记录 — after a co-visit (?coVisit=<id>: its hospital and distributor) or a solo visit.
 * Who will read it is chosen up front and said in words; tasks, commitments and photos follow.
 * The state and the submit are in useWriteNote.
 */
export default function WriteNotePage() {
  const { t } = useTranslation();
  const note = useWriteNote();
  const {
    user,
    form,
    visit,
    visibility,
    people,
    ccBrandIds,
    ccPartnerIds,
    distributorId,
    distributorName,
    shared,
    ownerCcd,
    files,
    setFiles,
    failure,
  } = note;

  if (!can(user.role, 'visit.writeNote')) return <Alert type="info" showIcon title={t('note.cannotWrite')} />;
  if (note.coVisitId && note.coVisitLoading && !visit) return <LoadingState />;

  return (
    <Card title={t('note.writeTitle')} data-testid="note-form">
      <FailureAlert failure={failure} testId="note-error" style={{ marginBottom: 16 }} detail={false} withReason />
      <Form<WriteNoteValues>
        form={form}
        layout="vertical"
        initialValues={{
          hospitalId: note.presetHospitalId,
          visitedOn: dayjs(chinaToday()),
          visibility: NoteVisibility.INTERNAL,
          contactIds: [],
          ccBrandIds: [],
          ccPartnerIds: [],
          tasks: [],
          commitments: [],
          departmentId: visit?.department?.id,
        }}
      >
        <NotePlaceFields note={note} />
        <Form.Item
          name="outcome"
          label={t('note.outcome')}
          rules={[{ required: true, whitespace: true, message: t('note.outcomeRequired') }]}
        >
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
          distributorName={visit?.distributor?.name ?? (distributorId ? (distributorName ?? '') : undefined)}
          onAddBrand={(ids) => form.setFieldsValue({ ccBrandIds: [...ccBrandIds, ...ids] })}
        />
        <TaskFields owners={note.owners} />
        {shared ? (
          <CommitmentFields allowed={ownerCcd} />
        ) : (
          <Typography.Paragraph type="secondary" data-testid="note-commitments-internal">
            {t('note.commitmentsOnlyShared')}
          </Typography.Paragraph>
        )}
        {shared && !ownerCcd && (
          <Typography.Paragraph type="warning">{t('note.commitmentsNeedOwner')}</Typography.Paragraph>
        )}
        <Form.Item label={t('note.attachments')} extra={t('note.attachmentsHint')}>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept="image/*,.pdf,.doc,.docx,.xls,.xlsx"
          >
            <Button icon={<UploadOutlined />} data-testid="note-files">
              {t('note.addFiles')}
            </Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" loading={note.busy} onClick={() => void note.submit()} data-testid="note-submit">
            {shared ? t('note.submitShared') : t('note.submitInternal')}
          </Button>
          <Button onClick={() => void note.navigate(-1)}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
