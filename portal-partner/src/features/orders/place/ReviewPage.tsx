import '../strings';
import { useState } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { OrderKind } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { BottomBar } from '../../../components/BottomBar';
import { isComplete, useCart } from './cart';
import { ReviewLines } from './ReviewLines';
import { PlaceFailureAlert, ReviewTotals, Verdict } from './ReviewSections';
import { usePlaceOrder } from './usePlaceOrder';
import { WaitingReview } from './WaitingOrder';
import '../orders.css';

/** 确认订单: the server prices the cart and checks every line and the credit; only then can it be placed. */
export default function ReviewPage() {
  const { cart } = useCart();
  const [placedId, setPlacedId] = useState<string | null>(null);
  const [waited, setWaited] = useState(false);
  if (cart.waitingSince && !waited) setWaited(true);
  // Placing empties the cart: go to the new order, not back to the empty cart.
  if (placedId) return <Navigate to={`/orders/${placedId}`} replace />;
  // the waiting order was sent (useSendWaitingOrder): its page is on its way
  if (!isComplete(cart) && waited) return <LoadingState />;
  if (!isComplete(cart)) return <Navigate to="/orders/cart" replace />;
  // submitted without a signal: it waits on the device and is sent when the signal returns
  if (cart.waitingSince) return <WaitingReview />;
  return <ReviewAndPlace onPlaced={setPlacedId} />;
}

function ReviewAndPlace({ onPlaced }: { onPlaced: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { cart, draft, review, placing, failure, submit, placeAsNew } = usePlaceOrder(onPlaced);

  const destination = cart.kind === OrderKind.STOCK ? t('orderKind.STOCK') : cart.hospital?.name;
  const header = <PageHeader title={t('review.title')} subtitle={destination} />;
  if (review.error && !review.data) {
    return (
      <>
        {header}
        <ErrorState error={review.error} onRetry={() => void review.refetch()} />
        <Button block onClick={() => navigate('/orders/cart')}>
          {t('review.back')}
        </Button>
      </>
    );
  }
  if (!review.data)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  const r = review.data.reviewOrder;

  return (
    <Flex vertical gap={12}>
      {header}
      <Verdict review={r} />
      <ReviewLines review={r} refused={failure?.lines ?? []} uncertified={failure?.uncertified ?? []} />
      <ReviewTotals review={r} note={draft.note} />
      {failure && <PlaceFailureAlert failure={failure} onPlaceAsNew={placeAsNew} />}
      <BottomBar
        testId="review-bar"
        summary={
          <>
            <div className="pp-muted">{t('review.total')}</div>
            <div className="pp-amount">{format.money(r.total.amount, r.total.currency)}</div>
          </>
        }
        action={
          <Flex gap={8}>
            <Button size="large" onClick={() => navigate('/orders/cart')} data-testid="review-back">
              {t('review.edit')}
            </Button>
            <Button
              type="primary"
              size="large"
              disabled={!r.allowed || review.loading}
              loading={placing}
              onClick={() => void submit()}
              data-testid="place-order"
            >
              {t(failure?.reason == null && failure ? 'review.retry' : 'review.submit')}
            </Button>
          </Flex>
        }
      />
    </Flex>
  );
}
