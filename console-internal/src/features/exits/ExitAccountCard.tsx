import { Descriptions, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { SettleExitDocument, type ExitPlanDetailFragment } from '../../gql/graphql';
import { ExitStepCard } from './ExitStepCard';

/** 最终对账: where the account stands after the buy-back's credit notes, and finance settling it at zero. */
export function ExitAccountCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [settle] = useMutation(SettleExitDocument);
  return (
    <ExitStepCard
      title={t('exit.account')}
      testIds={['exit-account', 'exit-settle', 'exit-settle-failure']}
      may={can(user.role, 'exit.settle') && !plan.settledAt}
      step={{
        send: () => settle({ variables: { planId: plan.id } }),
        confirm: t('exit.settleConfirm'),
        action: t('exit.settle'),
        done: t('exit.settledOk'),
      }}
    >
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
    </ExitStepCard>
  );
}
