import '../strings';
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorReason, OrderKind } from '@medchannel/shared-schema';
import { codedError, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { refusedLines, type RefusedLine } from '@medchannel/web-shared/orders';
import { uncertifiedLines, type UncertifiedLine } from '@medchannel/web-shared/training';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { PlaceOrderDocument, ReviewOrderDocument, type ReviewOrderQuery } from '../../../gql/graphql';
import { useOrderError } from '../useOrderError';
import { BottomBar } from '../../../components/BottomBar';
import { CertificationNote, CoursesToTake } from './CertificationNote';
import { draftOf, isComplete, useCart } from './cart';
import '../orders.css';

type Review = ReviewOrderQuery['reviewOrder'];

interface Failure {
  message: string;
  reason?: ErrorReason;
  lines: RefusedLine[];
  uncertified: UncertifiedLine[];
}

/** 确认订单: the server prices the cart and checks every line and the credit; only then can it be placed. */
export default function ReviewPage() {
  const { cart } = useCart();
  const [placedId, setPlacedId] = useState<string | null>(null);
  // Placing empties the cart: go to the new order, not back to the empty cart.
  if (placedId) return <Navigate to={`/orders/${placedId}`} replace />;
  if (!isComplete(cart)) return <Navigate to="/orders/cart" replace />;
  return <ReviewAndPlace onPlaced={setPlacedId} />;
}

function ReviewAndPlace({ onPlaced }: { onPlaced: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useApolloClient();
  const describe = useOrderError();
  const { cart, requestKey, renewRequestKey, clear } = useCart();
  const draft = useMemo(() => draftOf(cart), [cart]);
  const review = useQuery(ReviewOrderDocument, { variables: { input: draft }, fetchPolicy: 'network-only' });
  const [place, placing] = useMutation(PlaceOrderDocument);
  const [failure, setFailure] = useState<Failure | null>(null);
  // A double tap sends one request; a retry after a failure sends the same key, so the server
  // answers with the order already placed rather than a second one.
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
      const { reason } = codedError(error);
      setFailure({ message: describe(error), reason, lines: refusedLines(error), uncertified: uncertifiedLines(error) });
      // Something changed since the review (a grant ended, credit was used, a certificate lapsed): show where it stands now.
      if (reason === ErrorReason.NOT_COMPLIANT || reason === ErrorReason.CREDIT_LIMIT_EXCEEDED || reason === ErrorReason.CERTIFICATION_REQUIRED) void review.refetch();
    } finally {
      inFlight.current = false;
    }
  };

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
  if (!review.data) return <>{header}<LoadingState /></>;
  const r = review.data.reviewOrder;

  return (
    <Flex vertical gap={12}>
      {header}
      <Verdict review={r} />
      <ReviewLines review={r} refused={failure?.lines ?? []} uncertified={failure?.uncertified ?? []} />
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'total', label: t('review.total'), children: <span className="pp-amount" data-testid="review-total">{format.money(r.total.amount, r.total.currency)}</span> },
            ...(r.credit
              ? [
                  { key: 'available', label: t('review.available'), children: <span data-testid="review-available">{format.money(r.credit.available.amount, r.credit.available.currency)}</span> },
                  { key: 'limit', label: t('review.limit'), children: format.money(r.credit.limit.amount, r.credit.limit.currency) },
                ]
              : []),
            {
              key: 'credit',
              label: t('review.credit'),
              children: (
                <Tag color={r.withinCredit ? 'green' : 'red'} data-testid="review-credit" data-within={String(r.withinCredit)}>
                  {t(r.withinCredit ? 'review.withinCredit' : 'review.overCredit')}
                </Tag>
              ),
            },
            ...(draft.note ? [{ key: 'note', label: t('cart.note'), children: draft.note }] : []),
          ]}
        />
      </Card>
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid="place-error"
          title={failure.message}
          description={failure.uncertified.length > 0 ? <CoursesToTake courses={failure.uncertified.map((u) => u.course)} /> : undefined}
          action={
            failure.reason === ErrorReason.IDEMPOTENCY_KEY_REUSED ? (
              <Flex vertical gap={6}>
                <Button size="small" onClick={() => navigate('/orders')}>
                  {t('review.checkOrders')}
                </Button>
                <Button size="small" danger onClick={() => { renewRequestKey(); setFailure(null); }} data-testid="place-as-new">
                  {t('review.placeAsNew')}
                </Button>
              </Flex>
            ) : undefined
          }
        />
      )}
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
              loading={placing.loading}
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

/** Allowed, or every reason why not, before anyone taps submit. */
function Verdict({ review }: { review: Review }) {
  const { t } = useTranslation();
  const refused = review.lines.filter((l) => l.findings.length > 0).length;
  const uncertified = review.lines.filter((l) => l.certification).length;
  const problems = [
    refused > 0 ? t('review.refusedLines', { count: refused }) : null,
    uncertified > 0 ? t('certification.summary', { count: uncertified }) : null,
    review.withinCredit ? null : t('review.overCreditText'),
  ].filter(Boolean);
  return (
    <Alert
      type={review.allowed ? 'success' : 'error'}
      showIcon
      data-testid="review-verdict"
      data-allowed={String(review.allowed)}
      title={t(review.allowed ? 'review.allowed' : 'review.notAllowed')}
      description={review.allowed ? t('review.allowedText') : problems.join(' ')}
    />
  );
}

function ReviewLines({ review, refused, uncertified }: { review: Review; refused: RefusedLine[]; uncertified: UncertifiedLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('review.lines')}>
      <div className="pp-list">
        {review.lines.map((line) => {
          // The review's findings, and what placing found since (the server's word at submit).
          const reasons = new Set([...line.findings.map((f) => f.reason), ...(refused.find((r) => r.lineNo === line.lineNo)?.reasons ?? [])]);
          const placed = uncertified.find((u) => u.lineNo === line.lineNo);
          const certification = line.certification ?? (placed && { courseId: placed.course?.id, courseTitle: placed.course?.title });
          return (
            <div key={line.lineNo} className="pp-item" data-testid={`review-line-${line.product.code}`}>
              <div className="pp-row-head">
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {line.product.name}
                </Typography.Text>
                <span className="pp-amount" data-testid="review-line-amount">
                  {format.money(line.amount.amount, line.amount.currency)}
                </span>
              </div>
              <div className="pp-item-line">
                <span className="pp-item-label">{line.product.code}</span>
                {t('order.lineQuantity', { quantity: format.number(line.quantity), price: format.money(line.unitPrice.amount, line.unitPrice.currency) })}
              </div>
              {reasons.size > 0 && (
                <ul className="po-findings" data-testid={`review-findings-${line.product.code}`}>
                  {[...reasons].map((reason) => (
                    <li key={reason}>{t(`complianceReason.${reason}`)}</li>
                  ))}
                </ul>
              )}
              {certification && <CertificationNote code={line.product.code} need={certification} />}
            </div>
          );
        })}
      </div>
    </Card>
  );
}
