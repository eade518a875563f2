import { useState } from 'react';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { useOverlapConfirm } from '@medchannel/web-shared/visits';
import {
  CancelCoVisitDocument,
  CheckInCoVisitDocument,
  CompleteCoVisitDocument,
  DeclineCoVisitDocument,
  ProposeCoVisitSlotDocument,
  type CoVisitDetailFragment,
} from '../../../gql/graphql';
import type { CodedFailure } from '@medchannel/web-shared/kernel';
import { slotInput, type SlotValue } from './slots';
import { useMove } from './useMove';

export type MoveDialog = 'slot' | 'decline' | 'cancel';

/** The viewer's moves on one visit: who they are on it, what the status allows, the mutations and the open dialog. */
export function useCoVisitMoves(visit: CoVisitDetailFragment, onFailure: (f: CodedFailure | null) => void) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const move = useMove(onFailure);
  const overlap = useOverlapConfirm();
  const [modal, setModal] = useState<MoveDialog | null>(null);
  const [slotForm] = Form.useForm<{ slot: SlotValue }>();
  const me = visit.participants.find((p) => p.user?.id === user.id);
  const vars = { id: visit.id, expectedVersion: visit.version };
  const [proposeSlot, slotState] = useMutation(ProposeCoVisitSlotDocument);
  const [decline] = useMutation(DeclineCoVisitDocument);
  const [cancel] = useMutation(CancelCoVisitDocument);
  const [checkIn, checkInState] = useMutation(CheckInCoVisitDocument);
  const [complete, completeState] = useMutation(CompleteCoVisitDocument, { refetchQueries: ['MyCoVisits'] });

  const open = visit.status === CoVisitStatus.PROPOSED || visit.status === CoVisitStatus.CONFIRMED;
  const myTurn = visit.status === CoVisitStatus.PROPOSED && visit.myTurn;
  const confirmed = visit.status === CoVisitStatus.CONFIRMED;

  const close = () => {
    setModal(null);
    onFailure(null);
  };

  const offer = async () => {
    const values = await slotForm.validateFields().catch(() => null);
    if (!values) return;
    const ok = await move(
      () =>
        overlap.guard((confirmOverlap) =>
          proposeSlot({ variables: { ...vars, slot: slotInput(values.slot)!, confirmOverlap } }),
        ),
      t('visit.done.slotProposed'),
    );
    if (ok) close();
  };

  return {
    user,
    me,
    open,
    myTurn,
    confirmed,
    modal,
    setModal,
    close,
    overlap,
    slotForm,
    offer,
    offering: slotState.loading,
    checkIn: () => void move(() => checkIn({ variables: vars }), t('visit.done.checkedIn')),
    checkingIn: checkInState.loading,
    complete: () => void move(() => complete({ variables: vars }), t('visit.done.completed')),
    completing: completeState.loading,
    decline: (reason: string) => move(() => decline({ variables: { ...vars, reason } }), t('visit.done.declined')),
    cancel: (reason: string) => move(() => cancel({ variables: { ...vars, reason } }), t('visit.done.cancelled')),
  };
}
