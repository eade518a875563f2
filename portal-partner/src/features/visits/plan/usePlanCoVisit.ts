import { useState } from 'react';
import { Form } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import {
  addDays,
  chinaInstant,
  chinaToday,
  type CodedFailure,
  newRequestKey,
  showFieldError,
  useCodedError,
} from '@medchannel/web-shared/kernel';
import { PlanCoVisitChoicesDocument, ProposeCoVisitDocument } from '../../../gql/graphql';
import { coVisitPath } from '../../../components/paths';

export interface PlanValues {
  hospitalId?: string;
  goal: string;
  day: string;
  from: string;
  to: string;
}

/** Where a refusal naming an input shows on the form: a slot's beside the day, the rest above it. */
function placeOnForm(field: string): string | undefined {
  const [name] = field.split('.');
  if (name === 'slots') return 'day';
  return name === 'hospitalId' || name === 'goal' ? name : undefined;
}

export const firstValues = (): PlanValues => ({
  goal: '',
  day: addDays(chinaToday(), 1),
  from: '09:30',
  to: '11:00',
});

/**
 * The partner's plan form: who of the brand goes along (the distributor's channel manager), and
 * the proposal with one request key per open form, kept through retries, so a double tap or a lost
 * answer plans once. A time that clashes with a confirmed visit asks before it is sent again.
 */
export function usePlanCoVisit() {
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanValues>();
  const [key] = useState(newRequestKey);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const choices = useQuery(PlanCoVisitChoicesDocument, { fetchPolicy: 'cache-and-network' });
  const explain = useCodedError({ prefix: 'visitError' });
  const [propose, { loading }] = useMutation(ProposeCoVisitDocument, { refetchQueries: ['MyCoVisits'] });
  const overlap = useOverlapConfirm();
  const manager = choices.data?.me.distributor?.channelManager ?? null;

  const submit = async () => {
    if (loading || !manager) return;
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
              goal: values.goal.trim(),
              participantIds: [manager.id],
              slots: [{ startsAt: chinaInstant(values.day, values.from), endsAt: chinaInstant(values.day, values.to) }],
            },
          },
        }),
      );
      void navigate(coVisitPath(data!.proposeCoVisit.id), { replace: true });
    } catch (error) {
      // warned of a clash with a confirmed visit, the partner went back to change the time
      if (error instanceof OverlapDeclined) return;
      const f = explain(error);
      if (!showFieldError(form, f, placeOnForm)) setFailure(f);
    }
  };

  return { form, choices, manager, failure, overlap, loading, submit };
}
