import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/session';
import { errorMessage, formError } from '../app/errors';
import { showFieldError } from '../kernel/fieldErrors';
import { ChangePasswordDocument, MySessionsDocument } from '../gql/graphql';
import { NewPasswordField } from './PasswordField';

interface Values {
  currentPassword: string;
  newPassword: string;
}

/** 修改密码 (我的 / the profile): the current password, then a new one the policy accepts; other sessions end. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [change, { loading }] = useMutation(ChangePasswordDocument, { refetchQueries: [MySessionsDocument] });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async (values: Values) => {
    setError(null);
    setDone(false);
    try {
      await change({ variables: values });
      form.resetFields();
      setDone(true);
    } catch (e) {
      // a field the server names (the current password, the new one) shows beside it
      if (!showFieldError(form, formError(t, e), ['currentPassword', 'newPassword'])) setError(e);
    }
  };

  return (
    <Card size="small" title={t('access.changeTitle')} data-testid="change-password">
      {done && (
        <Alert
          type="success"
          showIcon
          title={t('access.changed')}
          style={{ marginBottom: 12 }}
          data-testid="password-changed"
        />
      )}
      {error != null && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={loading}>
        <Form.Item
          name="currentPassword"
          label={t('access.currentPassword')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <NewPasswordField
          name="newPassword"
          label={t('access.newPassword')}
          person={{ email: user.email, name: user.displayName }}
          testId="new-password"
        />
        <Button type="primary" htmlType="submit" loading={loading} data-testid="change-password-submit">
          {t('access.changeSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
