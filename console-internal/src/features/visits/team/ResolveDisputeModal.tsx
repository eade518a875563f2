import { useState } from 'react';
import { Alert } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCodedError, type CodedFailure, FailureAlert } from '@medchannel/web-shared/kernel';
import { ResolveCommitmentDocument, type DisputedCommitmentsQuery } from '../../../gql/graphql';
import { ReasonModal } from '../covisit/ReasonModal';

export type DisputedCommitment = DisputedCommitmentsQuery['disputedCommitments']['nodes'][number];

/** Settles a disputed commitment with a resolution the distributor reads; a refusal stays on the form. */
export function ResolveDisputeModal({
  commitment,
  onClose,
}: {
  commitment: DisputedCommitment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError({ prefix: 'visitError', reload: ['DisputedCommitments'] });
  const [resolve] = useMutation(ResolveCommitmentDocument, { refetchQueries: ['DisputedCommitments'] });

  const settle = async (resolution: string) => {
    if (!commitment) return false;
    setFailure(null);
    try {
      await resolve({ variables: { id: commitment.id, expectedVersion: commitment.version, resolution } });
      return true;
    } catch (e) {
      setFailure(explain(e));
      return false;
    }
  };

  return (
    <ReasonModal
      open={Boolean(commitment)}
      title={t('visit.disputes.resolveTitle')}
      okText={t('visit.disputes.resolveSubmit')}
      label={t('visit.disputes.resolution')}
      testId="resolution"
      run={settle}
      onClose={() => {
        setFailure(null);
        onClose();
      }}
    >
      {commitment?.disputeReason && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          title={t('visit.disputes.reason', { reason: commitment.disputeReason })}
        />
      )}
      <FailureAlert
        failure={failure}
        testId="resolution-error"
        style={{ marginBottom: 12 }}
        detail={false}
        withReason
      />
    </ReasonModal>
  );
}
