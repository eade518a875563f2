import { Button, Card, List, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { FailureAlert } from '@medchannel/web-shared/kernel';
import { HandOverExitDocument, type ExitPlanDetailFragment } from '../../gql/graphql';
import { useExitStep } from './useExitStep';

/** 交接: what went to the successor (opportunities, hospitals, open commitments, its temporary authorization). */
export function ExitHandoverCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [handOver] = useMutation(HandOverExitDocument);
  const successor = plan.successor?.name ?? '';
  const step = useExitStep(
    () => handOver({ variables: { planId: plan.id } }),
    t('exit.handOverConfirm', { successor }),
    t('exit.handOver'),
    t('exit.handedOver'),
  );
  const may = can(user.role, 'exit.manage') && !plan.handedOverAt && Boolean(plan.successor);
  return (
    <Card
      title={t('exit.handover')}
      data-testid="exit-handover"
      extra={
        may && (
          <Button type="primary" loading={step.busy} onClick={step.run} data-testid="exit-handover-run">
            {t('exit.handOver')}
          </Button>
        )
      }
    >
      <FailureAlert failure={step.failure} testId="exit-handover-failure" style={{ marginBottom: 12 }} />
      {plan.handedOverAt ? (
        <Typography.Paragraph type="secondary">
          {t('exit.handedOver')} · {successor} · {format.dateTime(plan.handedOverAt)}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          {plan.successor ? t('exit.noHandover') : t('exit.needsSuccessor')}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={plan.handovers}
        locale={{ emptyText: ' ' }}
        renderItem={(h) => (
          <List.Item key={`${h.kind}-${h.recordId}`}>
            <Tag>{t(`exit.handoverKind.${h.kind}`)}</Tag> {h.label}
          </List.Item>
        )}
      />
    </Card>
  );
}
