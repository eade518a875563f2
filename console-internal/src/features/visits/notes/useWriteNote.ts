import { useState } from 'react';
import { App, Form, type UploadFile } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { can, ErrorCode, NoteVisibility } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { CoVisitDocument, VisitHospitalPlaceDocument, WriteVisitNoteDocument } from '../../../gql/graphql';
import { useVisitPeople } from '../pickers/people';
import { commitmentInputs, type CommitmentValue } from './CommitmentFields';
import type { TaskValue } from './TaskFields';
import { uploadAttachment } from './attachment.rest';
import { type CodedFailure, newRequestKey, showFieldError, useCodedError } from '@medchannel/web-shared/kernel';

export interface WriteNoteValues {
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
  if (
    [
      'hospitalId',
      'departmentId',
      'contactIds',
      'distributorId',
      'visitedOn',
      'outcome',
      'nextSteps',
      'visibility',
    ].includes(top)
  )
    return [top];
  if ((top === 'tasks' || top === 'commitments') && parts.length >= 3) return parts;
  return null;
}

/**
 * The note form's state: the co-visit it follows (?coVisit=<id>), the place and people it names,
 * and the submit. One request key per open form, kept through retries; on a refusal everything
 * typed stays. Photos go up once the note exists (the API takes them per note), then the note opens.
 */
export function useWriteNote() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const coVisitId = params.get('coVisit') ?? undefined;
  // a solo visit written from a hospital's page starts at that hospital
  const [presetHospitalId] = useState(() => (coVisitId ? undefined : (params.get('hospital') ?? undefined)));
  const [form] = Form.useForm<WriteNoteValues>();
  const [key] = useState(newRequestKey);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
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
  const explain = useCodedError({ prefix: 'visitError' });
  const [write, { loading }] = useMutation(WriteVisitNoteDocument, { refetchQueries: ['VisitNotes'] });
  const hospital = place.data?.hospital;
  const shared = visibility === NoteVisibility.SHARED;
  const ownerCcd = people.partners.some((p) => can(p.role, 'commitment.answer') && ccPartnerIds.includes(p.id));

  const submit = async () => {
    if (loading || uploading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    const commitments = values.commitments ?? [];
    if (commitments.length && !shared) {
      setFailure({ code: ErrorCode.BAD_USER_INPUT, stale: false, message: t('note.commitmentsNeedShared') });
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
            ccUserIds: [...(values.ccBrandIds ?? []), ...(shared ? (values.ccPartnerIds ?? []) : [])],
            tasks: (values.tasks ?? []).map((task) => ({
              title: task.title.trim(),
              ownerId: task.ownerId,
              dueOn: task.dueOn?.format('YYYY-MM-DD'),
            })),
            commitments: shared ? commitmentInputs(commitments) : [],
          },
        },
      });
      const note = data!.writeVisitNote;
      setUploading(true);
      const failed: string[] = [];
      for (const f of files) {
        const answer = await uploadAttachment(note.id, f.originFileObj as File);
        if (!answer.ok) failed.push(f.name);
      }
      setUploading(false);
      void message.success(t('note.saved'));
      if (failed.length) void message.warning(t('note.uploadFailed', { names: failed.join('、') }));
      void navigate(`/visits/notes/${note.id}`);
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, fieldName)) setFailure(f);
    }
  };

  const owners = [
    { value: user.id, label: t('note.you') },
    ...[...people.colleagues, ...people.partners]
      .filter((p) => ccBrandIds.includes(p.id) || (shared && ccPartnerIds.includes(p.id)))
      .map((p) => ({ value: p.id, label: p.displayName })),
  ];

  return {
    user,
    navigate,
    form,
    coVisitId,
    presetHospitalId,
    coVisitLoading: coVisit.loading,
    visit,
    hospital,
    distributorId,
    distributorName,
    setDistributorName,
    visibility,
    ccBrandIds,
    ccPartnerIds,
    people,
    shared,
    ownerCcd,
    owners,
    files,
    setFiles,
    failure,
    busy: loading || uploading,
    submit,
  };
}
