import { List, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { HandOverExitDocument, type ExitPlanDetailFragment } from '../../gql/graphql';
import { ExitStepCard } from './ExitStepCard';

/** 交接: what went to the successor (opportunities, hospitals, open commitments, its temporary authorization). */
export function ExitHandoverCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [handOver] = useMutation(HandOverExitDocument);
  const successor = plan.successor?.name ?? '';
  return (
    <ExitStepCard
      title={t('exit.handover')}
      testIds={['exit-handover', 'exit-handover-run', 'exit-handover-failure']}
      may={can(user.role, 'exit.manage') && !plan.handedOverAt && Boolean(plan.successor)}
      step={{
        send: () => handOver({ variables: { planId: plan.id } }),
        confirm: t('exit.handOverConfirm', { successor }),
        action: t('exit.handOver'),
        done: t('exit.handedOver'),
      }}
    >
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
    </ExitStepCard>
  );
}
