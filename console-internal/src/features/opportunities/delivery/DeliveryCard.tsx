import './strings';
import { useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCodedError, type CodedErrorOptions } from '@medchannel/web-shared/kernel';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import {
  AssignConsoleDeliveryEngineerDocument,
  CompleteConsoleDeliveryMilestoneDocument,
  ConsoleDeliveryEngineersDocument,
  ConsoleDeliveryOfOpportunityDocument,
  CreateConsoleDeliveryProjectDocument,
  PlanConsoleDeliveryMilestoneDocument,
} from '../../../gql/graphql';
import { MilestoneRow } from './MilestoneRow';

const ERRORS: CodedErrorOptions = { prefix: 'delivery.error', reload: ['ConsoleDeliveryOfOpportunity'] };

/** 交付项目: after a win, the project with its engineer and its milestones, done in order. */
export function DeliveryCard({
  opportunityId,
  won,
  canManage,
}: {
  opportunityId: string;
  won: boolean;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [engineerId, setEngineerId] = useState<string | null>(null);
  const variables = { opportunityId };
  const { data, loading, error, refetch } = useQuery(ConsoleDeliveryOfOpportunityDocument, { variables, skip: !won });
  const engineers = useQuery(ConsoleDeliveryEngineersDocument, { skip: !won || !canManage });
  const onError = (e: unknown) => setFailure(explain(e).message);
  const onCompleted = () => setFailure(null);
  const refetchQueries = ['ConsoleDeliveryOfOpportunity'];
  const [create, creating] = useMutation(CreateConsoleDeliveryProjectDocument, {
    onError,
    onCompleted,
    refetchQueries,
  });
  const [assign] = useMutation(AssignConsoleDeliveryEngineerDocument, { onError, onCompleted });
  const [plan] = useMutation(PlanConsoleDeliveryMilestoneDocument, { onError, onCompleted });
  const [complete] = useMutation(CompleteConsoleDeliveryMilestoneDocument, { onError, onCompleted });
  const title = t('delivery.project');
  if (!won)
    return (
      <Card title={title} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('delivery.afterWin')}</Typography.Text>
      </Card>
    );
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const p = data?.deliveryProjectOfOpportunity;
  const options = (engineers.data?.deliveryEngineers ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const picker = (
    <Select
      aria-label={t('delivery.engineer')}
      placeholder={t('delivery.engineer')}
      value={engineerId ?? p?.engineer?.id ?? null}
      onChange={setEngineerId}
      options={options}
      style={{ width: 180 }}
    />
  );
  return (
    <Card
      title={title}
      extra={p && <Tag color={p.status === 'COMPLETED' ? 'green' : 'blue'}>{t(`delivery.status.${p.status}`)}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="delivery-card"
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      {!p && canManage && (
        <Flex gap={8}>
          {picker}
          <Button
            type="primary"
            disabled={!engineerId}
            loading={creating.loading}
            onClick={() =>
              void create({
                variables: { input: { opportunityId, engineerId: engineerId!, idempotencyKey: crypto.randomUUID() } },
              })
            }
          >
            {t('delivery.create')}
          </Button>
        </Flex>
      )}
      {p && (
        <>
          <Flex gap={8} align="center">
            <span>{t('delivery.engineer')}:</span>
            {canManage ? picker : <span>{p.engineer?.displayName ?? '—'}</span>}
            {canManage && engineerId && engineerId !== p.engineer?.id && (
              <Button onClick={() => void assign({ variables: { id: p.id, engineerId, expectedVersion: p.version } })}>
                {t('delivery.assign')}
              </Button>
            )}
          </Flex>
          {p.milestones.map((m) => (
            <div key={m.id}>
              <Divider style={{ margin: '12px 0' }} />
              <MilestoneRow
                milestone={m}
                canManage={canManage}
                onPlan={(plannedDate) => void plan({ variables: { input: { milestoneId: m.id, plannedDate } } })}
                onDone={(doneDate) => void complete({ variables: { input: { milestoneId: m.id, doneDate } } })}
                onUploaded={(f) => (f ? setFailure(f) : void refetch())}
              />
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
