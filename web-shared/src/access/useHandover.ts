import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { HandOverWorkDocument, UserHoldingsDocument } from '../gql/graphql';
import { useCodedError } from '../kernel/useCodedError';
import { addHandoverStrings } from './strings';

/** Someone who might take the work: the panel offers the active ones other than the person. */
export interface HandoverColleague {
  id: string;
  displayName: string;
  status: string;
}

/**
 * What a disabled person still holds and handing it on: all at once, or one co-visit or task at a
 * time, to the colleague chosen (the first active one until another is chosen).
 */
export function useHandover(
  personId: string,
  colleagues: HandoverColleague[],
  onError: (message: string | null) => void,
) {
  addHandoverStrings();
  const explain = useCodedError();
  const { data, refetch } = useQuery(UserHoldingsDocument, {
    variables: { userId: personId },
    fetchPolicy: 'network-only',
  });
  const [handOver, { loading }] = useMutation(HandOverWorkDocument);
  const candidates = colleagues.filter((c) => c.id !== personId && c.status !== 'DISABLED');
  const [chosen, setTo] = useState<string | undefined>();
  const to = chosen ?? candidates[0]?.id;

  const move = async (ids: { coVisitIds?: string[]; taskIds?: string[] } | null) => {
    if (!to) return;
    onError(null);
    try {
      await handOver({
        variables: {
          input: {
            fromUserId: personId,
            toUserId: to,
            ...(ids ? { coVisitIds: ids.coVisitIds ?? [], taskIds: ids.taskIds ?? [] } : {}),
          },
        },
      });
      await refetch();
    } catch (err) {
      onError(explain(err).message);
    }
  };

  return {
    coVisits: data?.userHoldings.nodes ?? [],
    tasks: data?.userTaskHoldings.nodes ?? [],
    loaded: Boolean(data),
    candidates,
    to,
    setTo,
    move,
    moving: loading,
  };
}
