import { Card } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import type { CoVisitDetail } from './CoVisitPage';
import { useVisitTime } from './dates';

/** The visit's facts: when, who proposed it, which products, who goes (and who checked in), why it was cancelled. */
export function CoVisitFacts({ visit }: { visit: CoVisitDetail }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const me = useCurrentUser();
  return (
    <Card size="small" data-testid="co-visit-facts">
      <div className="pp-item-line">
        <span className="pp-item-label">{t('visits.when')}</span>
        <span data-testid="co-visit-time">{visitTime(visit.startsAt)}</span>
      </div>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('visits.proposedBy')}</span>
        {visit.proposedBy?.displayName ?? '—'}
      </div>
      {visit.products.length > 0 && (
        <div className="pp-item-line">
          <span className="pp-item-label">{t('visits.products')}</span>
          {visit.products.map((p) => p.name).join('、')}
        </div>
      )}
      <div className="pp-item-line">
        <span className="pp-item-label">{t('visits.participants')}</span>
        {visit.participants.map((p, i) => (
          <span
            key={p.user?.id ?? i}
            className="pv-person"
            data-testid="co-visit-participant"
            data-checked-in={String(p.checkedInAt != null)}
          >
            {p.user?.displayName ?? '—'}
            {p.user?.id === me.id && t('visits.me')}
            <span className="pp-muted"> ({t(`visitSide.${p.side}`)})</span>
            {p.checkedInAt && (
              <CheckCircleFilled
                className="pv-ok"
                title={t('visits.checkedInAt', { time: visitTime(p.checkedInAt) })}
              />
            )}
          </span>
        ))}
      </div>
      {visit.cancelReason && (
        <div className="pp-item-line" data-testid="co-visit-cancel-reason">
          <span className="pp-item-label">{t('visits.cancelReason')}</span>
          {visit.cancelReason}
          {visit.cancelledBy && <span className="pp-muted"> — {visit.cancelledBy.displayName}</span>}
        </div>
      )}
    </Card>
  );
}
