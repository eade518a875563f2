import { Alert, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import type { ReviewOrderQuery } from '../../../gql/graphql';
import { CoursesToTake } from './CertificationNote';
import type { PlaceFailure } from './usePlaceOrder';

type Review = ReviewOrderQuery['reviewOrder'];

/** Allowed, or every reason why not, before anyone taps submit. */
export function Verdict({ review }: { review: Review }) {
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

/** The priced total, the credit it is checked against, and the note sent along. */
export function ReviewTotals({ review: r, note }: { review: Review; note: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'total',
            label: t('review.total'),
            children: (
              <span className="pp-amount" data-testid="review-total">
                {format.money(r.total.amount, r.total.currency)}
              </span>
            ),
          },
          ...(r.credit
            ? [
                {
                  key: 'available',
                  label: t('review.available'),
                  children: (
                    <span data-testid="review-available">
                      {format.money(r.credit.available.amount, r.credit.available.currency)}
                    </span>
                  ),
                },
                {
                  key: 'limit',
                  label: t('review.limit'),
                  children: format.money(r.credit.limit.amount, r.credit.limit.currency),
                },
              ]
            : []),
          {
            key: 'credit',
            label: t('review.credit'),
            children: (
              <Tag
                color={r.withinCredit ? 'green' : 'red'}
                data-testid="review-credit"
                data-within={String(r.withinCredit)}
              >
                {t(r.withinCredit ? 'review.withinCredit' : 'review.overCredit')}
              </Tag>
            ),
          },
          ...(note ? [{ key: 'note', label: t('cart.note'), children: note }] : []),
        ]}
      />
    </Card>
  );
}

/** Why placing failed; the courses to take first; after a reused key, the way to check or place anew. */
export function PlaceFailureAlert({ failure, onPlaceAsNew }: { failure: PlaceFailure; onPlaceAsNew: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="place-error"
      title={failure.message}
      description={
        failure.uncertified.length > 0 ? (
          <CoursesToTake courses={failure.uncertified.map((u) => u.course)} />
        ) : undefined
      }
      action={
        failure.reason === ErrorReason.IDEMPOTENCY_KEY_REUSED ? (
          <Flex vertical gap={6}>
            <Button size="small" onClick={() => navigate('/orders')}>
              {t('review.checkOrders')}
            </Button>
            <Button size="small" danger onClick={onPlaceAsNew} data-testid="place-as-new">
              {t('review.placeAsNew')}
            </Button>
          </Flex>
        ) : undefined
      }
    />
  );
}
