import { useState } from 'react';
import { App, Form } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import { ProposeCoVisitDocument, VisitHospitalPlaceDocument } from '../../../gql/graphql';
import { useVisitPeople } from '../pickers/people';
import { type CodedFailure, newRequestKey, showFieldError, useCodedError } from '@medchannel/web-shared/kernel';
import { slotInput, type SlotValue } from './slots';

export interface PlanValues {
  hospitalId?: string;
  departmentId?: string;
  contactIds: string[];
  distributorId?: string;
  partnerIds: string[];
  colleagueIds: string[];
  goal: string;
  products: Array<{ value: string; label: string }>;
  slots: SlotValue[];
}

/** Form fields a refusal may name (`slots.1` shows beside slot 2); anything else above the form. */
const FIELDS = new Set(['hospitalId', 'departmentId', 'contactIds', 'distributorId', 'goal', 'slots']);

/** Where the server's input shows on this form: a slot's error beside that slot, participants on the partner picker. */
function placeOnForm(field: string): string | [string, number] | undefined {
  const [name, index] = field.split('.');
  if (name === 'slots' && index) return ['slots', Number(index)];
  if (FIELDS.has(name)) return name;
  return name === 'participantIds' ? 'partnerIds' : undefined;
}

/**
 * The plan form's state and submit. One request key per open form, kept through retries:
 * a double click or a lost answer plans once. A time clash asks before it is sent again.
 */
export function usePlanCoVisit() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanValues>();
  const [params] = useSearchParams();
  // chosen by the page it was opened from (a hospital's page); the user may change them
  const [preset] = useState(() => ({
    hospitalId: params.get('hospital') ?? undefined,
    distributorId: params.get('distributor') ?? undefined,
  }));
  const [key] = useState(newRequestKey);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const hospitalId = Form.useWatch('hospitalId', form);
  const distributorId = Form.useWatch('distributorId', form);
  const place = useQuery(VisitHospitalPlaceDocument, { variables: { id: hospitalId ?? '' }, skip: !hospitalId });
  const people = useVisitPeople(distributorId);
  const explain = useCodedError({ prefix: 'visitError' });
  const [propose, { loading }] = useMutation(ProposeCoVisitDocument, { refetchQueries: ['MyCoVisits'] });
  const overlap = useOverlapConfirm();
  const hospital = place.data?.hospital;

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    try {
      const { data } = await overlap.guard((confirmOverlap) =>
        propose({
          variables: {
            input: {
              confirmOverlap,
              idempotencyKey: key,
              hospitalId: values.hospitalId!,
              departmentId: values.departmentId,
              contactIds: values.contactIds ?? [],
              distributorId: values.distributorId,
              participantIds: [...(values.partnerIds ?? []), ...(values.colleagueIds ?? [])],
              goal: values.goal.trim(),
              productIds: (values.products ?? []).map((p) => p.value),
              slots: values.slots.map((s) => slotInput(s)!),
            },
          },
        }),
      );
      void message.success(t('visit.done.proposed'));
      void navigate(`/visits/co/${data!.proposeCoVisit.id}`);
    } catch (error) {
      // warned of a time clash, the user went back to change the times
      if (error instanceof OverlapDeclined) return;
      const f = explain(error);
      if (!showFieldError(form, f, placeOnForm)) setFailure(f);
    }
  };

  return { navigate, form, failure, distributorId, hospital, people, overlap, loading, submit, preset };
}
