import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, OPPORTUNITY_TRANSITIONS, OpportunityStage } from '@medchannel/shared-schema';
import { useCodedError, type CodedErrorOptions } from '@medchannel/web-shared/kernel';
import { MoveConsoleOpportunityDocument, type ConsoleOpportunityQuery } from '../../gql/graphql';

const ERRORS: CodedErrorOptions = {
  prefix: 'opportunity.error',
  stale: [ErrorReason.ILLEGAL_TRANSITION, ErrorReason.STALE_VERSION],
  reload: ['ConsoleOpportunity'],
};

/** The opportunity's next stage (forward, or lost with a reason), at the version on the screen. */
export function MoveStageCard({ opportunity: o }: { opportunity: ConsoleOpportunityQuery['opportunity'] }) {
  const { t } = useTranslation();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [next, setNext] = useState<OpportunityStage | null>(null);
  const [note, setNote] = useState('');
  const [lostTo, setLostTo] = useState('');
  const [move, { loading }] = useMutation(MoveConsoleOpportunityDocument, {
    onError: (error) => setFailure(explain(error).message),
  });
  const stages = OPPORTUNITY_TRANSITIONS[o.stage as OpportunityStage];
  if (!stages.length) return null;
  const lost = next === OpportunityStage.LOST;
  const submit = async () => {
    if (!next) return;
    setFailure(null);
    const res = await move({
      variables: {
        id: o.id,
        input: {
          stage: next,
          expectedVersion: o.version,
          note: note.trim() || null,
          lostTo: lost ? lostTo.trim() || null : null,
        },
      },
    });
    if (res.data) {
      setNext(null);
      setNote('');
      setLostTo('');
    }
  };
  return (
    <Card title={t('opportunity.move')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8} style={{ maxWidth: 420 }}>
        {failure && <Alert type="error" showIcon title={failure} />}
        <Select
          value={next}
          onChange={setNext}
          placeholder={t('opportunity.nextStage')}
          options={stages.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))}
          data-testid="opportunity-next-stage"
        />
        {next && (
          <Input.TextArea
            rows={2}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            placeholder={lost ? t('opportunity.noteRequired') : t('opportunity.note')}
          />
        )}
        {lost && (
          <Input
            value={lostTo}
            maxLength={200}
            onChange={(e) => setLostTo(e.target.value)}
            placeholder={t('opportunity.lostTo')}
          />
        )}
        {next && (
          <Button type="primary" loading={loading} disabled={lost && !note.trim()} onClick={() => void submit()}>
            {t('opportunity.move')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
