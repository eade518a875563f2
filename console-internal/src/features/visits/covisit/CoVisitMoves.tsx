import { useState } from 'react';
import { Alert, Button, Form, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import {
  CancelCoVisitDocument,
  CheckInCoVisitDocument,
  CompleteCoVisitDocument,
  DeclineCoVisitDocument,
  ProposeCoVisitSlotDocument,
  type CoVisitDetailFragment,
} from '../../../gql/graphql';
import { useVisitFailure, type VisitFailure } from '../useVisitFailure';
import { plansVisits } from '../roles';
import { ReasonModal } from './ReasonModal';
import { SlotField, emptySlot, slotInput, slotRule, type SlotValue } from './slots';

const RELOAD = ['CoVisit', 'MyCoVisits'];

/** Runs a move with the version seen; a refusal becomes the page's failure (a stale page reloads). */
export function useMove(onFailure: (f: VisitFailure | null) => void) {
  const explain = useVisitFailure(RELOAD);
  return async (run: () => Promise<unknown>): Promise<boolean> => {
    onFailure(null);
    try {
      await run();
      return true;
    } catch (error) {
      // the user saw the time clash and went back: nothing was sent that failed
      if (!(error instanceof OverlapDeclined)) onFailure(explain(error));
      return false;
    }
  };
}

interface Props {
  visit: CoVisitDetailFragment;
  /** The last refusal: also shown inside an open dialog, whose text stays */
  failure: VisitFailure | null;
  onFailure: (f: VisitFailure | null) => void;
}

/**
 * The moves the viewer may make now, and only those: on their side's turn, propose another time
 * or decline (accepting is beside each slot the other side offered); before it happens, cancel;
 * once confirmed, check in (on the visit's day, China time) and then mark it done; afterwards,
 * write the note. A time that clashes with someone's confirmed visit asks before it is sent again.
 */
export function CoVisitMoves({ visit, failure, onFailure }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const move = useMove(onFailure);
  const overlap = useOverlapConfirm();
  const [modal, setModal] = useState<'slot' | 'decline' | 'cancel' | null>(null);
  const [slotForm] = Form.useForm<{ slot: SlotValue }>();
  const me = visit.participants.find((p) => p.user?.id === user.id);
  const vars = { id: visit.id, expectedVersion: visit.version };
  const [proposeSlot, slotState] = useMutation(ProposeCoVisitSlotDocument);
  const [decline] = useMutation(DeclineCoVisitDocument);
  const [cancel] = useMutation(CancelCoVisitDocument);
  const [checkIn, checkInState] = useMutation(CheckInCoVisitDocument);
  const [complete, completeState] = useMutation(CompleteCoVisitDocument, { refetchQueries: ['MyCoVisits'] });

  const open = visit.status === CoVisitStatus.PROPOSED || visit.status === CoVisitStatus.CONFIRMED;
  const myTurn = visit.status === CoVisitStatus.PROPOSED && visit.myTurn;
  const confirmed = visit.status === CoVisitStatus.CONFIRMED;

  const refusal = failure && (
    <Alert type={failure.stale ? 'warning' : 'error'} showIcon style={{ marginBottom: 12 }} title={failure.message} description={failure.stale ? t('visit.reloaded') : undefined} data-testid="covisit-move-error" data-reason={failure.reason ?? ''} />
  );
  const close = () => {
    setModal(null);
    onFailure(null);
  };

  const offer = async () => {
    const values = await slotForm.validateFields().catch(() => null);
    if (!values) return;
    const ok = await move(() => overlap.guard((confirmOverlap) => proposeSlot({ variables: { ...vars, slot: slotInput(values.slot)!, confirmOverlap } })));
    if (ok) close();
  };

  return (
    <>
      <Space wrap data-testid="covisit-moves">
        {!me && open && <Alert type="info" showIcon title={t('visit.notParticipant')} data-testid="covisit-not-participant" />}
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
          <Button type="primary" loading={checkInState.loading} onClick={() => void move(() => checkIn({ variables: vars }))} data-testid="covisit-checkin">
            {t('visit.move.checkIn')}
          </Button>
        )}
        {me && confirmed && !me.checkedInAt && !visit.checkInOpen && (
          <Typography.Text type="secondary" data-testid="covisit-checkin-on-day">
            {t('visitCheckIn.onDay')}
          </Typography.Text>
        )}
        {me && confirmed && visit.checkedInAt && (
          <Button type="primary" loading={completeState.loading} onClick={() => void move(() => complete({ variables: vars }))} data-testid="covisit-complete">
            {t('visit.move.complete')}
          </Button>
        )}
        {me && open && (
          <Button onClick={() => setModal('cancel')} data-testid="covisit-cancel">
            {t('visit.move.cancel')}
          </Button>
        )}
        {plansVisits(user.role) && visit.status === CoVisitStatus.DONE && (
          <Button type="primary" onClick={() => void navigate(`/visits/notes/write?coVisit=${visit.id}`)} data-testid="covisit-write-note">
            {t('note.writeForVisit')}
          </Button>
        )}
      </Space>
      {overlap.dialog}
      <Modal
        open={modal === 'slot'}
        title={t('visit.move.proposeSlot')}
        okText={t('visit.move.proposeSlotSubmit')}
        okButtonProps={{ loading: slotState.loading, 'data-testid': 'covisit-slot-submit' } as ButtonProps}
        onOk={() => void offer()}
        onCancel={close}
        forceRender
      >
        {modal === 'slot' && refusal}
        <Form form={slotForm} initialValues={{ slot: emptySlot() }}>
          <Form.Item name="slot" rules={[slotRule(t('visit.slot.incomplete'))]}>
            <SlotField />
          </Form.Item>
        </Form>
      </Modal>
      <ReasonModal
        open={modal === 'decline'}
        title={t('visit.move.decline')}
        okText={t('visit.move.declineSubmit')}
        label={t('visit.move.reasonLabel')}
        testId="covisit-decline"
        danger
        run={(reason) => move(() => decline({ variables: { ...vars, reason } }))}
        onClose={close}
      >
        {modal === 'decline' && refusal}
      </ReasonModal>
      <ReasonModal
        open={modal === 'cancel'}
        title={t('visit.move.cancel')}
        okText={t('visit.move.cancelSubmit')}
        label={t('visit.move.reasonLabel')}
        testId="covisit-cancel"
        danger
        run={(reason) => move(() => cancel({ variables: { ...vars, reason } }))}
        onClose={close}
      >
        {modal === 'cancel' && refusal}
      </ReasonModal>
    </>
  );
}
