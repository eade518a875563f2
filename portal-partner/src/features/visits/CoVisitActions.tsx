import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Modal, Typography } from 'antd';
import { CheckOutlined, EnvironmentOutlined, FieldTimeOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CoVisitStatus, Side } from '@medchannel/shared-schema';
import { codedError, useCurrentUser } from '@medchannel/web-shared';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import {
  AcceptCoVisitSlotDocument,
  CheckInCoVisitDocument,
  CompleteCoVisitDocument,
  DeclineCoVisitDocument,
  ProposeCoVisitSlotDocument,
} from '../../gql/graphql';
import type { CoVisitDetail } from './CoVisitPage';
import { SlotForm } from './SlotForm';
import { useVisitTime } from './dates';
import { useVisitError } from './useVisitError';

interface Failure {
  message: string;
  reason: string | null;
}

/**
 * What I may do with the plan now. On my turn: take one of the brand's times, offer another, or
 * decline with a reason (a time that clashes with a confirmed visit asks first). Confirmed: check in
 * at the hospital on the visit's day, then (after someone checked in) mark it done. Every move carries the version read; a refusal is said in my words and, when the plan
 * moved on, the page is reloaded so the next tap uses where it stands now.
 */
export function CoVisitActions({ visit }: { visit: CoVisitDetail }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const me = useCurrentUser();
  const describe = useVisitError();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [offering, setOffering] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [acceptingSlot, setAcceptingSlot] = useState<string | null>(null);
  const busy = useRef(false);
  const refetchQueries = ['MyCoVisits'];
  const [accept, accepting] = useMutation(AcceptCoVisitSlotDocument, { refetchQueries });
  const [offer, offeringSlot] = useMutation(ProposeCoVisitSlotDocument, { refetchQueries });
  const [decline, declineState] = useMutation(DeclineCoVisitDocument, { refetchQueries });
  const [checkIn, checkingIn] = useMutation(CheckInCoVisitDocument, { refetchQueries });
  const [complete, completing] = useMutation(CompleteCoVisitDocument, { refetchQueries });
  const overlap = useOverlapConfirm();

  const mine = visit.participants.find((p) => p.user?.id === me.id);
  const base = { id: visit.id, expectedVersion: visit.version };
  /** One move at a time (a double tap sends one request); true when it went through. */
  const run = async (move: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setFailure(null);
    try {
      await move();
      return true;
    } catch (err) {
      // warned of a clash with a confirmed visit, the rep went back: nothing failed
      if (!(err instanceof OverlapDeclined)) setFailure({ message: describe(err), reason: codedError(err).reason ?? null });
      return false;
    } finally {
      busy.current = false;
    }
  };

  const error = failure && (
    <Alert type="error" showIcon title={failure.message} data-testid="co-visit-error" data-reason={failure.reason ?? ''} closable onClose={() => setFailure(null)} />
  );
  if (!mine) return <>{error}<Alert type="info" showIcon title={t('visits.notParticipant')} data-testid="co-visit-watching" /></>;

  if (visit.status === CoVisitStatus.PROPOSED && !visit.myTurn) {
    return <>{error}<Alert type="info" showIcon title={t('visits.awaitingBrand')} data-testid="co-visit-awaiting" /></>;
  }

  if (visit.status === CoVisitStatus.PROPOSED) {
    const theirs = visit.slots.filter((s) => s.proposedSide !== Side.PARTNER);
    return (
      <Card size="small" title={t('visits.answerTitle')} data-testid="co-visit-answer">
        <Flex vertical gap={8}>
          {error}
          {overlap.dialog}
          <Typography.Text type="secondary">{t('visits.answerHint')}</Typography.Text>
          {theirs.map((s, i) => (
            <Button
              key={s.id}
              type={i === 0 ? 'primary' : 'default'}
              size="large"
              block
              icon={<CheckOutlined />}
              loading={accepting.loading && acceptingSlot === s.id}
              onClick={() => {
                setAcceptingSlot(s.id);
                void run(() => overlap.guard((confirmOverlap) => accept({ variables: { ...base, slotId: s.id, confirmOverlap } })));
              }}
              data-testid={`co-visit-accept-${i}`}
              data-starts={s.startsAt}
            >
              {t('visits.accept', { time: visitTime(s.startsAt) })}
            </Button>
          ))}
          {offering ? (
            <SlotForm
              busy={offeringSlot.loading}
              onCancel={() => setOffering(false)}
              onSubmit={async (slot) => {
                if (await run(() => overlap.guard((confirmOverlap) => offer({ variables: { ...base, slot, confirmOverlap } })))) setOffering(false);
              }}
            />
          ) : (
            <Flex gap={8} className="pv-actions">
              <Button size="large" icon={<FieldTimeOutlined />} onClick={() => setOffering(true)} data-testid="co-visit-propose">
                {t('visits.proposeOther')}
              </Button>
              <Button size="large" danger icon={<StopOutlined />} onClick={() => setDeclining(true)} data-testid="co-visit-decline">
                {t('visits.decline')}
              </Button>
            </Flex>
          )}
        </Flex>
        <Modal
          open={declining}
          title={t('visits.declineTitle')}
          okText={t('visits.decline')}
          okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: declineState.loading, 'data-testid': 'co-visit-decline-ok' }}
          cancelText={t('action.cancel')}
          onCancel={() => setDeclining(false)}
          onOk={async () => {
            await run(() => decline({ variables: { ...base, reason: reason.trim() } }));
            setDeclining(false);
          }}
          destroyOnHidden
        >
          <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('visits.declineReason')} data-testid="co-visit-decline-reason" />
        </Modal>
      </Card>
    );
  }

  if (visit.status === CoVisitStatus.CONFIRMED) {
    return (
      <Flex vertical gap={8} data-testid="co-visit-day">
        {error}
        {mine.checkedInAt ? (
          <Alert type="success" showIcon title={t('visits.checkedInAt', { time: visitTime(mine.checkedInAt) })} data-testid="co-visit-checked-in" />
        ) : !visit.checkInOpen ? (
          <Alert type="info" showIcon title={t('visitCheckIn.onDay')} data-testid="co-visit-check-in-on-day" />
        ) : (
          <Button type="primary" size="large" block icon={<EnvironmentOutlined />} loading={checkingIn.loading} onClick={() => void run(() => checkIn({ variables: base }))} data-testid="co-visit-check-in">
            {t('visits.checkIn')}
          </Button>
        )}
        {visit.checkedInAt && (
          <Button size="large" block icon={<CheckOutlined />} loading={completing.loading} onClick={() => void run(() => complete({ variables: base }))} data-testid="co-visit-complete">
            {t('visits.complete')}
          </Button>
        )}
      </Flex>
    );
  }
  return error;
}
