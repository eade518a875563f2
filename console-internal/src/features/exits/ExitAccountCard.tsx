import { Button, Card, Descriptions, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { FailureAlert } from '@medchannel/web-shared/kernel';
import { SettleExitDocument, type ExitPlanDetailFragment } from '../../gql/graphql';
import { useExitStep } from './useExitStep';

/** 最终对账: where the account stands after the buy-back's credit notes, and finance settling it at zero. */
export function ExitAccountCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [settle] = useMutation(SettleExitDocument);
  const step = useExitStep(
    () => settle({ variables: { planId: plan.id } }),
    t('exit.settleConfirm'),
    t('exit.settle'),
    t('exit.settledOk'),
  );
  const may = can(user.role, 'exit.settle') && !plan.settledAt;
  return (
    <Card
      title={t('exit.account')}
      data-testid="exit-account"
      extra={
        may && (
          <Button type="primary" loading={step.busy} onClick={step.run} data-testid="exit-settle">
            {t('exit.settle')}
          </Button>
        )
      }
    >
      <FailureAlert failure={step.failure} testId="exit-settle-failure" style={{ marginBottom: 12 }} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('exit.balance')}>{format.money(plan.account.balance)}</Descriptions.Item>
        <Descriptions.Item label={t('exit.credited')}>{format.money(plan.account.credited)}</Descriptions.Item>
        <Descriptions.Item label={t('exit.finalBalance')}>
          {plan.account.finalBalance ? (
            <Typography.Text strong data-testid="exit-final-balance">
              {format.money(plan.account.finalBalance)} · {format.dateTime(plan.settledAt!)}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
