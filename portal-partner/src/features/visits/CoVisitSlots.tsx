import { Card, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoVisitDetail } from './CoVisitPage';
import { hoursBetween, useVisitTime } from './dates';

/** Every time offered by either side, the confirmed one ticked. */
export function CoVisitSlots({ visit }: { visit: CoVisitDetail }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  return (
    <Card size="small" title={t('visits.slots')}>
      <div className="pp-list" data-testid="co-visit-slots">
        {visit.slots.map((s) => (
          <div
            key={s.id}
            className="pp-item"
            data-testid="co-visit-slot"
            data-side={s.proposedSide}
            data-confirmed={String(visit.confirmedSlot?.id === s.id)}
          >
            <div className="pp-row-head">
              <Typography.Text strong>
                {visitTime(s.startsAt)}
                <span className="pp-muted"> · {t('visits.hours', { hours: hoursBetween(s.startsAt, s.endsAt) })}</span>
              </Typography.Text>
              {visit.confirmedSlot?.id === s.id && <CheckCircleFilled className="pv-ok" />}
            </div>
            <div className="pp-muted">
              {t('visits.offeredBy', { name: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`) })}
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
