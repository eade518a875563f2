import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useLocation, useNavigate } from 'react-router';
import { codedError } from '@medchannel/web-shared';
import { PlaceOrderDocument } from '../../../gql/graphql';
import { useOnline } from '../../../components/offline/useOnline';
import { draftOf, useCart } from './cart';

/** A signal that the device calls "online" may still be dead: try again this often while the order waits. */
const RETRY_MS = 15_000;

/**
 * Sends the order that waits on this device (submitted without a signal) as soon as there is a
 * signal: with the key it was given at the tap, so however many times it is sent (a retry after a
 * lost answer, a second tab) the server places it once and answers with that one order. Lives in
 * the signed-in shell, so the order goes out whichever page the rep is on.
 */
export function useSendWaitingOrder(): void {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const online = useOnline();
  const { cart, clear, stopWaiting } = useCart();
  const [place] = useMutation(PlaceOrderDocument);
  const sending = useRef(false);
  const [attempt, setAttempt] = useState(0);
  const onReview = pathname === '/orders/review';

  useEffect(() => {
    const key = cart.requestKey;
    if (!cart.waitingSince || !key || !online || sending.current) return;
    sending.current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    place({ variables: { input: { ...draftOf(cart), idempotencyKey: key } } })
      .then(({ data }) => {
        if (!data) throw new Error('placeOrder answered without data');
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'orders' });
        // to the order first: the review of an emptied cart would send the rep back to the cart
        if (onReview) void navigate(`/orders/${data.placeOrder.id}`, { replace: true });
        clear();
      })
      .catch((error: unknown) => {
        if (codedError(error).code === 'NETWORK') retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
        // refused (the credit, a grant, the key used for another cart): the review says why on the next submit
        else stopWaiting();
      })
      .finally(() => {
        sending.current = false;
      });
    return () => clearTimeout(retry);
  }, [cart, online, attempt, place, client, clear, stopWaiting, navigate, onReview]);
}
