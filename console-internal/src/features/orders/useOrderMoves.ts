import { App } from 'antd';
import { useMutation } from '@apollo/client/react';
import { ORDER_TRANSITIONS, type OrderStatus } from '@medchannel/shared-schema';
import { useCodedError } from '@medchannel/web-shared/kernel';
import {
  ApproveOrderDocument,
  CancelOrderDocument,
  CloseOrderDocument,
  ConfirmDeliveryDocument,
  RejectOrderDocument,
  type OrderDetailFragment,
} from '../../gql/graphql';
import { ORDER_ERRORS } from './orderErrors';

/** The order's moves as ORDER_TRANSITIONS allows them from where it stands, each sent at the version shown. */
export function useOrderMoves(order: OrderDetailFragment) {
  const { message } = App.useApp();
  const explain = useCodedError(ORDER_ERRORS);
  const options = { refetchQueries: ['CreditStatus'] };
  const [approve] = useMutation(ApproveOrderDocument, options);
  const [reject] = useMutation(RejectOrderDocument, options);
  const [cancel] = useMutation(CancelOrderDocument, options);
  const [deliver] = useMutation(ConfirmDeliveryDocument, options);
  const [close] = useMutation(CloseOrderDocument, options);
  const at = { id: order.id, expectedVersion: order.version };

  /** A move without a reason: confirmed in place; a refusal says why and the page shows the order as it is now. */
  const confirmed = (run: () => Promise<unknown>, done: string) => async () => {
    try {
      await run();
      void message.success(done);
    } catch (error) {
      const f = explain(error);
      void message.error(f.detail ? `${f.message} ${f.detail}` : f.message);
    }
  };

  return {
    moves: ORDER_TRANSITIONS[order.status as OrderStatus] ?? [],
    confirmed,
    approve: () => approve({ variables: at }),
    deliver: () => deliver({ variables: at }),
    close: () => close({ variables: at }),
    reject: (reason: string) => reject({ variables: { ...at, reason } }),
    cancel: (reason: string) => cancel({ variables: { ...at, reason } }),
  };
}
