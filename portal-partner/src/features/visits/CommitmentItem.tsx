import { useRef, useState } from 'react';
import { Button, Flex, Input, Modal, Typography } from 'antd';
import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CommitmentStatus, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { CommitmentKindTag, CommitmentStatusTag } from '@medchannel/web-shared/visits';
import {
  AcknowledgeCommitmentDocument,
  DisputeCommitmentDocument,
  type PortalCommitmentFragment,
} from '../../gql/graphql';
import { useCodedError, FailureAlert } from '@medchannel/web-shared/kernel';
import { VISIT_ERRORS } from './visitErrors';

/**
 * One promise the brand made in a visit: what, how much, by when, and where it stands. The owner
 * answers an OPEN one: acknowledge, or dispute with a reason (it then goes to the author's head).
 */
export function CommitmentItem({
  commitment: c,
  extra,
}: {
  commitment: PortalCommitmentFragment;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const explain = useCodedError(VISIT_ERRORS);
  const [failure, setFailure] = useState<{ message: string; reason: string } | null>(null);
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const busy = useRef(false);
  const refetchQueries = ['CommitmentInbox'];
  const [acknowledge, acknowledging] = useMutation(AcknowledgeCommitmentDocument, { refetchQueries });
  const [dispute, disputeState] = useMutation(DisputeCommitmentDocument, { refetchQueries });
  const answerable = can(me.role, 'commitment.answer') && c.status === CommitmentStatus.OPEN;

  const run = async (move: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    try {
      await move();
    } catch (err) {
      const { message, reason } = explain(err);
      setFailure({ message, reason: reason ?? '' });
    } finally {
      busy.current = false;
    }
  };

  return (
    <div
      className="pp-item"
      data-testid="commitment"
      data-commitment={c.id}
      data-status={c.status}
      data-description={c.description}
    >
      <div className="pp-row-head">
        <Flex gap={6} wrap align="center">
          <CommitmentKindTag kind={c.kind} />
          {c.amount && <span className="pp-amount">{format.money(c.amount.amount, c.amount.currency)}</span>}
        </Flex>
        <CommitmentStatusTag status={c.status} />
      </div>
      <div className="pp-item-line" data-testid="commitment-description">
        {c.description}
      </div>
      {c.dueOn && <div className="pp-item-line pp-muted">{t('visits.dueOn', { date: format.date(c.dueOn) })}</div>}
      {extra}
      {c.answeredBy && c.answeredAt && (
        <div className="pp-item-line pp-muted">
          {t('visits.answeredBy', { name: c.answeredBy.displayName, time: format.dateTime(c.answeredAt) })}
        </div>
      )}
      {c.disputeReason && (
        <div className="pp-item-line" data-testid="commitment-dispute-reason">
          <span className="pp-item-label">{t('visits.disputeReasonLabel')}</span>
          {c.disputeReason}
        </div>
      )}
      {c.resolution && (
        <div className="pp-item-line">
          <span className="pp-item-label">{t('visits.resolution')}</span>
          {c.resolution}
        </div>
      )}
      <FailureAlert failure={failure} testId="commitment-error" style={{ marginTop: 8 }} detail={false} withReason />
      {answerable && (
        <Flex gap={8} className="pv-actions" style={{ marginTop: 8 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={acknowledging.loading}
            onClick={() => void run(() => acknowledge({ variables: { id: c.id, expectedVersion: c.version } }))}
            data-testid="commitment-acknowledge"
          >
            {t('visits.acknowledge')}
          </Button>
          <Button
            icon={<ExclamationCircleOutlined />}
            onClick={() => setDisputing(true)}
            data-testid="commitment-dispute"
          >
            {t('visits.dispute')}
          </Button>
        </Flex>
      )}
      <Modal
        open={disputing}
        title={t('visits.disputeTitle')}
        okText={t('visits.dispute')}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < 2,
          loading: disputeState.loading,
          'data-testid': 'commitment-dispute-ok',
        }}
        cancelText={t('action.cancel')}
        onCancel={() => setDisputing(false)}
        onOk={async () => {
          await run(() => dispute({ variables: { id: c.id, expectedVersion: c.version, reason: reason.trim() } }));
          setDisputing(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('visits.disputeHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('visits.disputeReason')}
          data-testid="commitment-dispute-reason-input"
        />
      </Modal>
    </div>
  );
}
