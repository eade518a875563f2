import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_HEADERS } from '@medchannel/shared-schema';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { SetWebhookEndpointDocument, WebhookEndpointDocument } from '../../../gql/graphql';
import { useFinanceFailure, type FinanceFailure } from '../useFinanceFailure';

interface Values {
  url: string;
  enabled: boolean;
  rotateSecret: boolean;
}

/** An http(s) address as the API takes it; an ERP on the intranet (an IP, a port) is fine. */
function isWebhookUrl(value: string | undefined): boolean {
  try {
    return ['http:', 'https:'].includes(new URL((value ?? '').trim()).protocol);
  } catch {
    return false;
  }
}

/** The signing secret, shown once: the API answers it only when it is made, and never again. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="webhook-secret"
      title={t('erp.secretTitle')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('erp.secretOnce')}</Typography.Paragraph>
          <Typography.Text code copyable={{ text: secret, tooltips: [t('erp.copy'), t('erp.copied')] }} data-testid="webhook-secret-value">
            {secret}
          </Typography.Text>
        </>
      }
      action={
        <Button size="small" onClick={onDone} data-testid="webhook-secret-done">
          {t('erp.secretSaved')}
        </Button>
      }
    />
  );
}

/** Where the outbox sends events, on or off, and the secret receivers check signatures with; the admin sets it. */
export function WebhookCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const endpoint = useQuery(WebhookEndpointDocument);
  const [save, { loading }] = useMutation(SetWebhookEndpointDocument, { refetchQueries: ['WebhookEndpoint'], awaitRefetchQueries: true });
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<FinanceFailure | null>(null);
  const explain = useFinanceFailure();
  const current = endpoint.data?.webhookEndpoint;

  const submit = async (values: Values) => {
    if (loading) return;
    setFailure(null);
    try {
      const { data } = await save({ variables: { url: values.url.trim(), enabled: values.enabled, rotateSecret: !!values.rotateSecret } });
      setSecret(data?.setWebhookEndpoint.secret ?? null);
      void message.success(t('erp.saved'));
      form.setFieldValue('rotateSecret', false);
    } catch (error) {
      const f = explain(error);
      if (f.field === 'url') form.setFields([{ name: 'url', errors: [f.message] }]);
      else setFailure(f);
    }
  };

  const body = () => {
    if (endpoint.error && !endpoint.data) return <ErrorState error={endpoint.error} onRetry={() => void endpoint.refetch()} />;
    if (!endpoint.data) return <LoadingState />;
    if (!editable) {
      return current ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('erp.url')}>{current.url}</Descriptions.Item>
          <Descriptions.Item label={t('erp.enabled')}>{current.enabled ? <Tag color="green">{t('erp.on')}</Tag> : <Tag>{t('erp.off')}</Tag>}</Descriptions.Item>
        </Descriptions>
      ) : (
        <EmptyState title={t('erp.noEndpoint')} description={t('erp.adminSets')} />
      );
    }
    return (
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ url: current?.url ?? '', enabled: current?.enabled ?? true, rotateSecret: false }}
        onFinish={(values) => void submit(values)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="url" label={t('erp.url')} extra={t('erp.urlHelp')} rules={[{ required: true, validator: (_, v?: string) => (isWebhookUrl(v) ? Promise.resolve() : Promise.reject(new Error(t('financeError.field.url')))) }]}>
          <Input placeholder="https://erp.example.com/medchannel/webhook" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="enabled" label={t('erp.enabled')} valuePropName="checked">
          <Switch data-testid="webhook-enabled" />
        </Form.Item>
        {current && (
          <Form.Item name="rotateSecret" valuePropName="checked" extra={t('erp.rotateHelp')}>
            <Checkbox data-testid="webhook-rotate">{t('erp.rotate')}</Checkbox>
          </Form.Item>
        )}
        {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} data-testid="webhook-error" />}
        <Button type="primary" htmlType="submit" loading={loading} data-testid="webhook-save">
          {t('action.save')}
        </Button>
      </Form>
    );
  };

  return (
    <Card title={t('erp.webhook')} style={{ marginBottom: 16 }} data-testid="webhook-card">
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      {body()}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('erp.signatureHelp', { signature: WEBHOOK_HEADERS.signature, timestamp: WEBHOOK_HEADERS.timestamp, eventId: WEBHOOK_HEADERS.eventId })}
      </Typography.Paragraph>
    </Card>
  );
}
