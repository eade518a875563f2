import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Switch } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SetWebhookEndpointDocument, type WebhookEndpointQuery } from '../../../gql/graphql';
import { useCodedError, type CodedFailure, showFieldError, FailureAlert } from '@medchannel/web-shared/kernel';

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

/** The admin's form: the address, on or off, and a new secret on request (answered to `onSecret`, once). */
export function WebhookForm({
  current,
  onSecret,
}: {
  current: WebhookEndpointQuery['webhookEndpoint'] | undefined;
  onSecret: (secret: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [save, { loading }] = useMutation(SetWebhookEndpointDocument, {
    refetchQueries: ['WebhookEndpoint'],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError({ prefix: 'financeError' });

  const submit = async (values: Values) => {
    if (loading) return;
    setFailure(null);
    try {
      const { data } = await save({
        variables: { url: values.url.trim(), enabled: values.enabled, rotateSecret: !!values.rotateSecret },
      });
      onSecret(data?.setWebhookEndpoint.secret ?? null);
      void message.success(t('erp.saved'));
      form.setFieldValue('rotateSecret', false);
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, ['url'])) setFailure(f);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      // with no address yet, sending is off: it comes on as a valid address is typed, unless the admin set it
      initialValues={{ url: current?.url ?? '', enabled: current?.enabled ?? false, rotateSecret: false }}
      onValuesChange={(changed: Partial<Values>) => {
        if (!current && 'url' in changed && !form.isFieldTouched('enabled'))
          form.setFieldValue('enabled', isWebhookUrl(changed.url));
      }}
      onFinish={(values) => void submit(values)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        name="url"
        label={t('erp.url')}
        extra={t('erp.urlHelp')}
        rules={[
          {
            required: true,
            validator: (_, v?: string) =>
              isWebhookUrl(v) ? Promise.resolve() : Promise.reject(new Error(t('financeError.field.url'))),
          },
        ]}
      >
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
      <FailureAlert failure={failure} testId="webhook-error" style={{ marginBottom: 16 }} detail={false} />
      <Button type="primary" htmlType="submit" loading={loading} data-testid="webhook-save">
        {t('action.save')}
      </Button>
    </Form>
  );
}
