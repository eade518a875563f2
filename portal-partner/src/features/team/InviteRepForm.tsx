import { Alert, Button, Card, Flex, Form, Input, Switch } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FailureAlert, useFormSubmit } from '@medchannel/web-shared/kernel';
import { InviteRepDocument } from '../../gql/graphql';

interface Values {
  email: string;
  displayName: string;
  financeAccess: boolean;
}

/** Invites a rep: his e-mail and name, and whether he may see the account. */
export function InviteRepForm({ onClose, onInvited }: { onClose: () => void; onInvited: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [invite, { loading }] = useMutation(InviteRepDocument);
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose,
    loading,
    fields: ['email', 'displayName'],
    // One request key per opened form: a retried invitation answers the same rep.
    send: async (v, requestKey) => {
      await invite({ variables: { input: { ...v, financeAccess: Boolean(v.financeAccess), requestKey } } });
      onInvited();
      onClose();
    },
  });

  return (
    <Card size="small" title={t('team.invite')} data-testid="invite-rep-form">
      <Alert type="info" showIcon title={t('team.inviteHint')} style={{ marginBottom: 12 }} />
      <FailureAlert failure={shell.failure} testId="rep-error" style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={shell.submit}
        onValuesChange={clearFailure}
        disabled={loading}
      >
        <Form.Item name="displayName" label={t('team.name')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="rep-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
        >
          <Input type="email" inputMode="email" data-testid="rep-email" />
        </Form.Item>
        <Form.Item name="financeAccess" label={t('team.financeAccess')} valuePropName="checked" initialValue={false}>
          <Switch />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={loading} block data-testid="rep-submit">
            {t('team.sendInvitation')}
          </Button>
          <Button onClick={onClose} block>
            {t('action.cancel')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
