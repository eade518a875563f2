import { useMemo, useRef, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { refusedLines, type RefusedLine } from '@medchannel/web-shared/orders';
import { uncertifiedLines, type UncertifiedLine } from '@medchannel/web-shared/training';
import { PlaceOrderDocument, ReviewOrderDocument } from '../../../gql/graphql';
import { ORDER_ERRORS } from '../orderErrors';
import { draftOf, useCart } from './cart';

/** Why placing failed: the coded message, and per line what the server refused at submit. */
export interface PlaceFailure {
  message: string;
  reason?: ErrorReason;
  lines: RefusedLine[];
  uncertified: UncertifiedLine[];
}

/**
 * The cart's review (the server prices it and checks every line and the credit) and placing it,
 * once: a double tap sends one request; a retry after a failure sends the same key, so the server
 * answers with the order already placed rather than a second one.
 */
export function usePlaceOrder(onPlaced: (id: string) => void) {
  const client = useApolloClient();
  const explain = useCodedError(ORDER_ERRORS);
  const { cart, requestKey, renewRequestKey, clear, wait } = useCart();
  const draft = useMemo(() => draftOf(cart), [cart]);
  const review = useQuery(ReviewOrderDocument, { variables: { input: draft }, fetchPolicy: 'network-only' });
  const [place, placing] = useMutation(PlaceOrderDocument);
  const [failure, setFailure] = useState<PlaceFailure | null>(null);
  const inFlight = useRef(false);

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    try {
      const { data } = await place({ variables: { input: { ...draft, idempotencyKey: requestKey() } } });
      if (!data) throw new Error('placeOrder answered without data');
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'orders' });
      onPlaced(data.placeOrder.id);
      clear();
    } catch (error) {
      // No answer at all (no signal): the order waits on the device with its key and is sent when
      // the signal returns; whether this attempt reached the server or not, the key places it once.
      if (codedError(error).code === 'NETWORK') return wait();
      const { message, reason } = explain(error);
      setFailure({ message, reason, lines: refusedLines(error), uncertified: uncertifiedLines(error) });
      // Something changed since the review (a grant ended, credit was used, a certificate lapsed): show where it stands now.
      if (
        reason === ErrorReason.NOT_COMPLIANT ||
        reason === ErrorReason.CREDIT_LIMIT_EXCEEDED ||
        reason === ErrorReason.CERTIFICATION_REQUIRED
      )
        void review.refetch();
    } finally {
      inFlight.current = false;
    }
  };

  /** The key was used for another order (IDEMPOTENCY_KEY_REUSED): place this cart as a new one. */
  const placeAsNew = () => {
    renewRequestKey();
    setFailure(null);
  };

  return { cart, draft, review, placing: placing.loading, failure, submit, placeAsNew };
}
