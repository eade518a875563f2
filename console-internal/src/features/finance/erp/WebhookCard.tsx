import { useState } from 'react';
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_HEADERS } from '@medchannel/shared-schema';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { WebhookEndpointDocument } from '../../../gql/graphql';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

/** Where the outbox sends events, on or off, and the secret receivers check signatures with; the admin sets it. */
export function WebhookCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const endpoint = useQuery(WebhookEndpointDocument);
  const [secret, setSecret] = useState<string | null>(null);
  const current = endpoint.data?.webhookEndpoint;

  const body = () => {
    if (endpoint.error && !endpoint.data)
      return <ErrorState error={endpoint.error} onRetry={() => void endpoint.refetch()} />;
    if (!endpoint.data) return <LoadingState />;
    if (!editable) {
      return current ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('erp.url')}>{current.url}</Descriptions.Item>
          <Descriptions.Item label={t('erp.enabled')}>
            {current.enabled ? <Tag color="green">{t('erp.on')}</Tag> : <Tag>{t('erp.off')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <EmptyState title={t('erp.noEndpoint')} description={t('erp.adminSets')} />
      );
    }
    return <WebhookForm current={current} onSecret={setSecret} />;
  };

  return (
    <Card title={t('erp.webhook')} style={{ marginBottom: 16 }} data-testid="webhook-card">
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      {body()}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('erp.signatureHelp', {
          signature: WEBHOOK_HEADERS.signature,
          timestamp: WEBHOOK_HEADERS.timestamp,
          eventId: WEBHOOK_HEADERS.eventId,
        })}
      </Typography.Paragraph>
    </Card>
  );
}
