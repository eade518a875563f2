import { Alert, Button, Flex } from 'antd';
import { CheckOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { AddToCalendar } from '@medchannel/web-shared/visits';
import type { ReactNode } from 'react';
import type { CoVisitDetail } from './CoVisitPage';
import { CoVisitAnswer } from './CoVisitAnswer';
import { CancelCoVisit } from './CancelCoVisit';
import { useVisitTime } from './dates';
import { useCoVisitMoves, type CoVisitMoves } from './useCoVisitMoves';

/**
 * What I may do with the plan now. On my turn: take one of the brand's times, offer another, or
 * decline with a reason (a time that clashes with a confirmed visit asks first). Awaiting the brand
 * (my own proposal, say) or confirmed and nobody checked in yet: call it off with a reason.
 * Confirmed: check in at the hospital on the visit's day, then (after someone checked in) mark it
 * done. Every move carries the version read; a refusal is said in my words and, when the plan
 * moved on, the page is reloaded so the next tap uses where it stands now.
 */
export function CoVisitActions({ visit }: { visit: CoVisitDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const moves = useCoVisitMoves(visit);
  const { failure } = moves;

  const mine = visit.participants.find((p) => p.user?.id === me.id);
  const error = failure && (
    <Alert
      type="error"
      showIcon
      title={failure.message}
      data-testid="co-visit-error"
      data-reason={failure.reason ?? ''}
      closable
      onClose={moves.clearFailure}
    />
  );
  if (!mine)
    return (
      <>
        {error}
        <Alert type="info" showIcon title={t('visits.notParticipant')} data-testid="co-visit-watching" />
      </>
    );

  if (visit.status === CoVisitStatus.PROPOSED && !visit.myTurn) {
    const proposedByMe = visit.proposedBy?.id === me.id;
    return (
      <Flex vertical gap={8}>
        {error}
        <Alert
          type="info"
          showIcon
          title={t(proposedByMe ? 'visits.awaitingBrandMine' : 'visits.awaitingBrand')}
          data-testid="co-visit-awaiting"
        />
        <CancelCoVisit moves={moves} />
      </Flex>
    );
  }
  if (visit.status === CoVisitStatus.PROPOSED) return <CoVisitAnswer visit={visit} moves={moves} error={error} />;
  if (visit.status === CoVisitStatus.CONFIRMED)
    return <VisitDay visit={visit} checkedInAt={mine.checkedInAt} moves={moves} error={error} />;
  return error;
}

/** Confirmed: check in at the hospital on the visit's day, then (after someone checked in) mark it done. */
function VisitDay({
  visit,
  checkedInAt,
  moves,
  error,
}: {
  visit: CoVisitDetail;
  checkedInAt: string | null | undefined;
  moves: CoVisitMoves;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  return (
    <Flex vertical gap={8} data-testid="co-visit-day">
      {error}
      {checkedInAt ? (
        <Alert
          type="success"
          showIcon
          title={t('visits.checkedInAt', { time: visitTime(checkedInAt) })}
          data-testid="co-visit-checked-in"
        />
      ) : !visit.checkInOpen ? (
        <Alert type="info" showIcon title={t('visitCheckIn.onDay')} data-testid="co-visit-check-in-on-day" />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          icon={<EnvironmentOutlined />}
          loading={moves.loading.checkingIn}
          onClick={() => void moves.checkIn()}
          data-testid="co-visit-check-in"
        >
          {t('visits.checkIn')}
        </Button>
      )}
      {visit.checkedInAt && (
        <Button
          size="large"
          block
          icon={<CheckOutlined />}
          loading={moves.loading.completing}
          onClick={() => void moves.complete()}
          data-testid="co-visit-complete"
        >
          {t('visits.complete')}
        </Button>
      )}
      {!checkedInAt && <AddToCalendar coVisitId={visit.id} audience="portal" block />}
      {!visit.checkedInAt && <CancelCoVisit moves={moves} />}
    </Flex>
  );
}
