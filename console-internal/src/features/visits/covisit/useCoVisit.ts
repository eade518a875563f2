import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { useOverlapConfirm } from '@medchannel/web-shared/visits';
import { AcceptCoVisitSlotDocument, CoVisitDocument } from '../../../gql/graphql';
import type { CodedFailure } from '@medchannel/web-shared/kernel';
import { useMove } from './useMove';

/** One co-visit from the route, the page's last refusal, and accepting a time the other side offered. */
export function useCoVisit() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('co_visit', id);
  const user = useCurrentUser();
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const { data, loading, error, refetch } = useQuery(CoVisitDocument, { variables: { id } });
  const [accept, acceptState] = useMutation(AcceptCoVisitSlotDocument, { refetchQueries: ['MyCoVisits'] });
  const move = useMove(setFailure);
  const overlap = useOverlapConfirm();
  const visit = data?.coVisit;
  const mine = !!visit && visit.participants.some((p) => p.user?.id === user.id);
  const canAccept = !!visit && mine && visit.status === CoVisitStatus.PROPOSED && visit.myTurn;

  const acceptSlot = (slotId: string) => {
    if (!visit) return;
    void move(
      () =>
        overlap.guard((confirmOverlap) =>
          accept({ variables: { id: visit.id, expectedVersion: visit.version, slotId, confirmOverlap } }),
        ),
      t('visit.done.accepted'),
    );
  };

  return {
    user,
    visit,
    loading,
    error,
    refetch,
    failure,
    setFailure,
    overlap,
    canAccept,
    accepting: acceptState.loading,
    acceptSlot,
  };
}
