import { useState } from 'react';
import { Button, Descriptions, Flex, Timeline, Typography, Upload } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TRIAL_TRANSITIONS, TrialStatus, can } from '@medchannel/shared-schema';
import { errorMessage } from '../app/errors';
import { useFormat } from '../app/format';
import { useCurrentUser } from '../app/session';
import type { TrialDetailFragment } from '../gql/opportunities/graphql';
import type { Audience } from '../kernel/files';
import { downloadAgreement, uploadAgreement } from './agreement.rest';
import { TrialActionModal, type TrialAction } from './TrialActionModal';
import { TrialStatusTag } from './TrialStatusTag';
import { useFeedback } from '../app/notice';

const ACTIONS: Array<{ action: TrialAction; to: TrialStatus }> = [
  { action: 'deliver', to: TrialStatus.DELIVERED },
  { action: 'extend', to: TrialStatus.EXTENDED },
  { action: 'return', to: TrialStatus.RETURNED },
  { action: 'cancel', to: TrialStatus.CANCELLED },
];

/** One trial on the opportunity's card: what and when, the next steps its status allows, its agreement and its history. */
export function TrialItem({ trial, audience }: { trial: TrialDetailFragment; audience: Audience }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const message = useFeedback();
  const client = useApolloClient();
  const [action, setAction] = useState<TrialAction | null>(null);
  const manages = can(user.role, 'trial.manage');
  const next = ACTIONS.filter((a) => TRIAL_TRANSITIONS[trial.status as TrialStatus].includes(a.to));

  const upload = async (file: File) => {
    const res = await uploadAgreement(trial.id, file, audience);
    if (res.ok) {
      message.success(t('trial.uploaded'));
      await client.refetchQueries({ include: ['OpportunityTrials'] });
    } else message.error(errorMessage(t, res));
  };

  return (
    <section
      data-testid="trial-item"
      aria-label={trial.serialNumber}
      style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}
    >
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{`${trial.product?.name ?? '—'} · ${trial.serialNumber}`}</Typography.Text>
        <TrialStatusTag status={trial.status} overdue={trial.overdue} />
      </Flex>
      <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('trial.period')}>{`${trial.plannedFrom} ~ ${trial.plannedTo}`}</Descriptions.Item>
        <Descriptions.Item label={t('trial.protocol')}>{trial.protocol}</Descriptions.Item>
        {trial.outcome && (
          <Descriptions.Item label={t('trial.result')}>
            {`${t(`trial.outcomes.${trial.outcome}`)}：${trial.result ?? ''}`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('trial.agreement')}>
          {trial.agreement ? (
            <Button
              type="link"
              size="small"
              onClick={() => void downloadAgreement(trial.id, trial.agreement!.fileName, audience)}
            >
              {trial.agreement.fileName}
            </Button>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {manages && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {next.map((a) => (
            <Button key={a.action} size="small" danger={a.action === 'cancel'} onClick={() => setAction(a.action)}>
              {t(`trial.${a.action}`)}
            </Button>
          ))}
          <Upload showUploadList={false} accept=".pdf,.jpg,.jpeg,.png" beforeUpload={(f) => (void upload(f), false)}>
            <Button size="small">{t('trial.uploadAgreement')}</Button>
          </Upload>
        </Flex>
      )}
      <TrialActionModal trial={trial} action={action} onClose={() => setAction(null)} />
      <Timeline
        aria-label={t('trial.history')}
        items={trial.history.map((h) => ({
          key: h.id,
          content: (
            <>
              <Typography.Text>{t(`trial.event.${h.kind}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {format.dateTime(h.createdAt)}
                {h.actor ? ` · ${h.actor.displayName}` : ''}
                {h.kind === 'EXTENDED' && h.plannedTo ? ` → ${h.plannedTo}` : ''}
              </Typography.Text>
              {h.note && h.kind !== 'PLANNED' && <div>{h.note}</div>}
            </>
          ),
        }))}
      />
    </section>
  );
}
