import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import {
  AcceptCoVisitSlotDocument,
  CancelCoVisitDocument,
  CheckInCoVisitDocument,
  CompleteCoVisitDocument,
  DeclineCoVisitDocument,
  ProposeCoVisitSlotDocument,
} from '../../gql/graphql';
import type { CoVisitDetail } from './CoVisitPage';
import { VISIT_ERRORS } from './visitErrors';

export interface MoveFailure {
  message: string;
  reason: string | null;
}

type Slot = { startsAt: string; endsAt: string };
const refetchQueries = ['MyCoVisits'];

/**
 * The partner's moves on a co-visit plan, one at a time (a double tap sends one request). Every move
 * carries the version read; a time that clashes with a confirmed visit asks first; a refusal is said
 * in the partner's words and, when the plan moved on, the page is reloaded (VISIT_ERRORS).
 */
export function useCoVisitMoves(visit: CoVisitDetail) {
  const explain = useCodedError(VISIT_ERRORS);
  const [failure, setFailure] = useState<MoveFailure | null>(null);
  const busy = useRef(false);
  const [accept, accepting] = useMutation(AcceptCoVisitSlotDocument, { refetchQueries });
  const [offer, offering] = useMutation(ProposeCoVisitSlotDocument, { refetchQueries });
  const [decline, declining] = useMutation(DeclineCoVisitDocument, { refetchQueries });
  const [checkIn, checkingIn] = useMutation(CheckInCoVisitDocument, { refetchQueries });
  const [complete, completing] = useMutation(CompleteCoVisitDocument, { refetchQueries });
  const [cancel, cancelling] = useMutation(CancelCoVisitDocument, { refetchQueries });
  const overlap = useOverlapConfirm();
  const base = { id: visit.id, expectedVersion: visit.version };

  /** True when the move went through. */
  const run = async (move: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setFailure(null);
    try {
      await move();
      return true;
    } catch (err) {
      // warned of a clash with a confirmed visit, the rep went back: nothing failed
      if (err instanceof OverlapDeclined) return false;
      const { message, reason } = explain(err);
      setFailure({ message, reason: reason ?? null });
      return false;
    } finally {
      busy.current = false;
    }
  };

  return {
    failure,
    clearFailure: () => setFailure(null),
    /** The clash warning to render where the answer is given. */
    overlapDialog: overlap.dialog,
    accept: (slotId: string) =>
      run(() => overlap.guard((confirmOverlap) => accept({ variables: { ...base, slotId, confirmOverlap } }))),
    offer: (slot: Slot) =>
      run(() => overlap.guard((confirmOverlap) => offer({ variables: { ...base, slot, confirmOverlap } }))),
    decline: (reason: string) => run(() => decline({ variables: { ...base, reason } })),
    checkIn: () => run(() => checkIn({ variables: base })),
    complete: () => run(() => complete({ variables: base })),
    cancel: (reason: string) => run(() => cancel({ variables: { ...base, reason } })),
    loading: {
      accepting: accepting.loading,
      offering: offering.loading,
      declining: declining.loading,
      checkingIn: checkingIn.loading,
      completing: completing.loading,
      cancelling: cancelling.loading,
    },
  };
}

export type CoVisitMoves = ReturnType<typeof useCoVisitMoves>;
