import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, OPPORTUNITY_TRANSITIONS, OpportunityStage, can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { useCodedError, type CodedErrorOptions } from '@medchannel/web-shared/kernel';
import { MoveMyOpportunityDocument, RegisterMyOpportunityDocument, type MyOpportunityQuery } from '../../gql/graphql';

type Opportunity = MyOpportunityQuery['opportunity'];

const ERRORS: CodedErrorOptions = {
  prefix: 'opportunity.registrationError',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION],
  reload: ['MyOpportunity'],
};

/** What the distributor does with its opportunity: register it with the brand, move it to its next stage. */
export function OpportunityActions({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const onError = (error: unknown) => setFailure(explain(error).message);
  const [register, registering] = useMutation(RegisterMyOpportunityDocument, { onError });
  const [move, moving] = useMutation(MoveMyOpportunityDocument, { onError });
  const [next, setNext] = useState<OpportunityStage | null>(null);
  const [note, setNote] = useState('');
  const stages = OPPORTUNITY_TRANSITIONS[o.stage as OpportunityStage];
  const open = stages.length > 0;
  const status = o.registration?.status;
  const mayRegister = open && can(user.role, 'opportunity.register') && status !== 'PENDING' && status !== 'APPROVED';
  if (!open) return null;
  const lost = next === OpportunityStage.LOST;
  const submitMove = async () => {
    if (!next || (lost && !note.trim())) return;
    setFailure(null);
    const res = await move({
      variables: { id: o.id, input: { stage: next, expectedVersion: o.version, note: note.trim() || null } },
    });
    if (res.data) {
      setNext(null);
      setNote('');
    }
  };

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        {failure && <Alert type="error" showIcon title={failure} data-testid="opportunity-action-error" />}
        {status === 'PENDING' && <Alert type="info" showIcon title={t('opportunity.registered')} />}
        {mayRegister && (
          <>
            <Typography.Text type="secondary">{t('opportunity.registerHint')}</Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              loading={registering.loading}
              onClick={() => {
                setFailure(null);
                void register({ variables: { id: o.id } });
              }}
              data-testid="opportunity-register"
            >
              {t('opportunity.register')}
            </Button>
          </>
        )}
        <Typography.Text strong>{t('opportunity.move')}</Typography.Text>
        <Select
          value={next}
          onChange={setNext}
          placeholder={t('opportunity.nextStage')}
          options={stages.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))}
          size="large"
          data-testid="opportunity-next-stage"
        />
        {next && (
          <Input.TextArea
            rows={2}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            placeholder={lost ? t('opportunity.noteRequired') : t('opportunity.note')}
            status={lost && !note.trim() ? 'warning' : undefined}
            data-testid="opportunity-note"
          />
        )}
        {next && (
          <Button
            size="large"
            block
            disabled={lost && !note.trim()}
            loading={moving.loading}
            onClick={() => void submitMove()}
            data-testid="opportunity-move"
          >
            {t('opportunity.move')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
