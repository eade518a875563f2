import { Alert, Form, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodedFailure } from '@medchannel/web-shared/kernel';
import { ReasonModal } from './ReasonModal';
import { SlotField, emptySlot, slotRule } from './slots';
import type { useCoVisitMoves } from './useCoVisitMoves';

interface Props {
  moves: ReturnType<typeof useCoVisitMoves>;
  /** The last refusal: shown inside the open dialog, whose text stays */
  failure: CodedFailure | null;
}

/** The dialogs a move opens: another time, decline with a reason, cancel with a reason. */
export function CoVisitMoveDialogs({ moves, failure }: Props) {
  const { t } = useTranslation();
  const { modal, close } = moves;
  const refusal = failure && (
    <Alert
      type={failure.stale ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 12 }}
      title={failure.message}
      description={failure.stale ? t('visit.reloaded') : undefined}
      data-testid="covisit-move-error"
      data-reason={failure.reason ?? ''}
    />
  );
  return (
    <>
      <Modal
        open={modal === 'slot'}
        title={t('visit.move.proposeSlot')}
        okText={t('visit.move.proposeSlotSubmit')}
        okButtonProps={{ loading: moves.offering, 'data-testid': 'covisit-slot-submit' } as ButtonProps}
        onOk={() => void moves.offer()}
        onCancel={close}
        forceRender
      >
        {modal === 'slot' && refusal}
        <Form form={moves.slotForm} initialValues={{ slot: emptySlot() }}>
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
        run={moves.decline}
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
        run={moves.cancel}
        onClose={close}
      >
        {modal === 'cancel' && refusal}
      </ReasonModal>
    </>
  );
}
