import './strings';
import { Button, Card, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { PortalCoVisitDetailDocument, type PortalCoVisitDetailQuery } from '../../gql/graphql';
import { CoVisitActions } from './CoVisitActions';
import { notePath } from './paths';
import { hoursBetween, useVisitTime } from './dates';
import './visits.css';

export type CoVisitDetail = PortalCoVisitDetailQuery['coVisit'];

/**
 * 协同拜访: where and when, who goes, every time offered by either side; on my turn I take one of
 * the brand's times, offer another or decline; once confirmed I check in at the hospital, and
 * after a check-in the visit can be marked done. The notes written about it that I may read.
 */
export default function CoVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(PortalCoVisitDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const back = (
    <Link to="/visits" data-testid="co-visit-back">
      <Button type="text" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('visits.back')}
      </Button>
    </Link>
  );
  if (query.error && !query.data) return <>{back}<ErrorState error={query.error} onRetry={() => void query.refetch()} /></>;
  if (!query.data) return <LoadingState />;
  const visit = query.data.coVisit;

  return (
    <Flex vertical gap={12} className="pv-page" data-testid="co-visit" data-status={visit.status} data-version={visit.version} data-ready={String(!query.loading)}>
      {back}
      <PageHeader
        title={<span data-testid="co-visit-goal">{visit.goal}</span>}
        subtitle={
          <Flex gap={6} wrap align="center">
            <CoVisitStatusTag status={visit.status} />
            <span className="pp-muted">{visit.hospital?.name ?? t('visits.hiddenHospital')}{visit.department ? ` · ${visit.department.name}` : ''}</span>
          </Flex>
        }
      />
      <CoVisitActions visit={visit} />
      <CoVisitFacts visit={visit} />
      <SlotList visit={visit} />
      {visit.notes.length > 0 && (
        <Card size="small" title={t('visits.notesOfVisit')} data-testid="co-visit-notes">
          <div className="pp-list">
            {visit.notes.map((n) => (
              <Link key={n.id} to={notePath(n.id)} className="pp-item pp-row" data-testid="co-visit-note">
                <div className="pp-muted">{n.visitedOn}</div>
                <div className="pp-item-line pv-clamp">{n.outcome}</div>
              </Link>
            ))}
          </div>
        </Card>
      )}
    </Flex>
  );
}

function CoVisitFacts({ visit }: { visit: CoVisitDetail }) {
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
          <span key={p.user?.id ?? i} className="pv-person" data-testid="co-visit-participant" data-checked-in={String(p.checkedInAt != null)}>
            {p.user?.displayName ?? '—'}
            {p.user?.id === me.id && t('visits.me')}
            <span className="pp-muted"> ({t(`visitSide.${p.side}`)})</span>
            {p.checkedInAt && <CheckCircleFilled className="pv-ok" title={t('visits.checkedInAt', { time: visitTime(p.checkedInAt) })} />}
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

function SlotList({ visit }: { visit: CoVisitDetail }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  return (
    <Card size="small" title={t('visits.slots')}>
      <div className="pp-list" data-testid="co-visit-slots">
        {visit.slots.map((s) => (
          <div key={s.id} className="pp-item" data-testid="co-visit-slot" data-side={s.proposedSide} data-confirmed={String(visit.confirmedSlot?.id === s.id)}>
            <div className="pp-row-head">
              <Typography.Text strong>
                {visitTime(s.startsAt)}
                <span className="pp-muted"> · {t('visits.hours', { hours: hoursBetween(s.startsAt, s.endsAt) })}</span>
              </Typography.Text>
              {visit.confirmedSlot?.id === s.id && <CheckCircleFilled className="pv-ok" />}
            </div>
            <div className="pp-muted">{t('visits.offeredBy', { name: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`) })}</div>
          </div>
        ))}
      </div>
    </Card>
  );
}
