import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { RefusedLine } from '@medchannel/web-shared/orders';
import type { UncertifiedLine } from '@medchannel/web-shared/training';
import type { ReviewOrderQuery } from '../../../gql/graphql';
import { CertificationNote } from './CertificationNote';

type Review = ReviewOrderQuery['reviewOrder'];

/** Each line priced, with every reason it is refused and the course it needs. */
export function ReviewLines({
  review,
  refused,
  uncertified,
}: {
  review: Review;
  refused: RefusedLine[];
  uncertified: UncertifiedLine[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('review.lines')}>
      <div className="pp-list">
        {review.lines.map((line) => {
          // The review's findings, and what placing found since (the server's word at submit).
          const reasons = new Set([
            ...line.findings.map((f) => f.reason),
            ...(refused.find((r) => r.lineNo === line.lineNo)?.reasons ?? []),
          ]);
          const placed = uncertified.find((u) => u.lineNo === line.lineNo);
          const certification =
            line.certification ?? (placed && { courseId: placed.course?.id, courseTitle: placed.course?.title });
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
                {t('order.lineQuantity', {
                  quantity: format.number(line.quantity),
                  price: format.money(line.unitPrice.amount, line.unitPrice.currency),
                })}
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
