import './strings';
import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Steps, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { FailureAlert, useCodedError, type CodedFailure } from '@medchannel/web-shared/kernel';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AcknowledgeExitDocument, MyExitPlanDocument } from '../../gql/graphql';

/** 退出清单 (the owner's): what his company's exit has done and what remains; he acknowledges it once the account is settled. */
export default function ExitChecklistPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(MyExitPlanDocument, { fetchPolicy: 'cache-and-network' });
  const [acknowledge, { loading }] = useMutation(AcknowledgeExitDocument);
  const explain = useCodedError({ prefix: 'exit.error', reload: ['MyExitPlan'] });
  const [failure, setFailure] = useState<CodedFailure | null>(null);

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  const plan = data.myExitPlan;
  if (!plan)
    return (
      <Flex vertical gap={12}>
        <PageHeader title={t('exit.title')} />
        <EmptyState title={t('exit.none')} description={t('exit.noneDescription')} />
      </Flex>
    );
  const submit = async () => {
    setFailure(null);
    try {
      await acknowledge({ variables: { planId: plan.id } });
    } catch (e) {
      setFailure(explain(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('exit.title')} subtitle={plan.reason} />
      <Card size="small">
        <Typography.Paragraph strong data-testid="exit-effective">
          {t('exit.effectiveOn', { date: format.date(plan.effectiveOn) })}
        </Typography.Paragraph>
        {plan.sellOutUntil && (
          <Typography.Paragraph>
            {t('exit.sellOutUntil', { date: format.date(plan.sellOutUntil) })}
          </Typography.Paragraph>
        )}
        {plan.successor && (
          <Typography.Paragraph>{t('exit.successor', { name: plan.successor.name })}</Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('exit.checklist')} data-testid="exit-checklist">
        <Steps
          direction="vertical"
          size="small"
          items={plan.steps.map((s) => ({ title: t(`exit.step.${s.step}`), status: s.done ? 'finish' : 'wait' }))}
        />
      </Card>
      <Card size="small" title={t('exit.account')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('exit.balance')}>{format.money(plan.account.balance)}</Descriptions.Item>
          <Descriptions.Item label={t('exit.credited')}>{format.money(plan.account.credited)}</Descriptions.Item>
          <Descriptions.Item label={t('exit.finalBalance')}>
            {plan.account.finalBalance ? format.money(plan.account.finalBalance) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <FailureAlert failure={failure} testId="exit-acknowledge-failure" />
      {plan.acknowledgedAt ? (
        <Typography.Text type="success" data-testid="exit-acknowledged">
          {t('exit.acknowledged', { date: format.dateTime(plan.acknowledgedAt) })}
        </Typography.Text>
      ) : (
        <>
          <Button
            type="primary"
            block
            size="large"
            loading={loading}
            disabled={!plan.settledAt}
            onClick={() => void submit()}
            data-testid="exit-acknowledge"
          >
            {t('exit.acknowledge')}
          </Button>
          {!plan.settledAt && <Typography.Text type="secondary">{t('exit.acknowledgeHint')}</Typography.Text>}
        </>
      )}
    </Flex>
  );
}
