import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, CoVisitStatus } from '@medchannel/shared-schema';
import type { CoVisitDetailFragment } from '../../../gql/graphql';
import type { CodedFailure } from '@medchannel/web-shared/kernel';
import { AddToCalendar } from '@medchannel/web-shared/visits';
import { CoVisitMoveDialogs } from './CoVisitMoveDialogs';
import { useCoVisitMoves } from './useCoVisitMoves';

interface Props {
  visit: CoVisitDetailFragment;
  /** The last refusal: also shown inside an open dialog, whose text stays */
  failure: CodedFailure | null;
  onFailure: (f: CodedFailure | null) => void;
}

/**
 * The moves the viewer may make now, and only those: on their side's turn, propose another time
 * or decline (accepting is beside each slot the other side offered); before it happens, cancel;
 * once confirmed, check in (on the visit's day, China time) and then mark it done; afterwards,
 * write the note. A time that clashes with someone's confirmed visit asks before it is sent again.
 */
export function CoVisitMoves({ visit, failure, onFailure }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const moves = useCoVisitMoves(visit, onFailure);
  const { user, me, open, myTurn, confirmed, setModal } = moves;

  return (
    <>
      <Space wrap data-testid="covisit-moves">
        {!me && open && (
          <Alert type="info" showIcon title={t('visit.notParticipant')} data-testid="covisit-not-participant" />
        )}
        {me && myTurn && (
          <Button onClick={() => setModal('slot')} data-testid="covisit-propose-slot">
            {t('visit.move.proposeSlot')}
          </Button>
        )}
        {me && myTurn && (
          <Button danger onClick={() => setModal('decline')} data-testid="covisit-decline">
            {t('visit.move.decline')}
          </Button>
        )}
        {me && confirmed && !me.checkedInAt && visit.checkInOpen && (
          <Button type="primary" loading={moves.checkingIn} onClick={moves.checkIn} data-testid="covisit-checkin">
            {t('visit.move.checkIn')}
          </Button>
        )}
        {me && confirmed && !me.checkedInAt && !visit.checkInOpen && (
          <Typography.Text type="secondary" data-testid="covisit-checkin-on-day">
            {t('visitCheckIn.onDay')}
          </Typography.Text>
        )}
        {me && confirmed && visit.checkedInAt && (
          <Button type="primary" loading={moves.completing} onClick={moves.complete} data-testid="covisit-complete">
            {t('visit.move.complete')}
          </Button>
        )}
        {me && confirmed && <AddToCalendar coVisitId={visit.id} audience="console" />}
        {me && open && (
          <Button onClick={() => setModal('cancel')} data-testid="covisit-cancel">
            {t('visit.move.cancel')}
          </Button>
        )}
        {can(user.role, 'visit.writeNote') && visit.status === CoVisitStatus.DONE && (
          <Button
            type="primary"
            onClick={() => void navigate(`/visits/notes/write?coVisit=${visit.id}`)}
            data-testid="covisit-write-note"
          >
            {t('note.writeForVisit')}
          </Button>
        )}
      </Space>
      {moves.overlap.dialog}
      <CoVisitMoveDialogs moves={moves} failure={failure} />
    </>
  );
}
