import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Result } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../app/errors';
import { SetPasswordWithLinkDocument } from '../gql/graphql';
import { AuthFrame } from './AuthFrame';
import { NewPasswordField } from './PasswordField';

/** 设置密码: what an invitation or a reset e-mail opens. The link works once; then the person signs in. */
export default function SetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [setPassword, { loading }] = useMutation(SetPasswordWithLinkDocument);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async ({ password }: { password: string }) => {
    setError(null);
    try {
      await setPassword({ variables: { token, password } });
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <AuthFrame subtitle={t('access.setTitle')}>
      {done ? (
        <Result
          status="success"
          title={t('access.passwordSet')}
          extra={
            <Link to="/login" data-testid="set-password-login">
              {t('access.toLogin')}
            </Link>
          }
        />
      ) : (
        <>
          {error != null && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(t, error)}
              style={{ marginBottom: 16 }}
              data-testid="set-password-error"
            />
          )}
          <Form layout="vertical" requiredMark={false} onFinish={onFinish} disabled={loading || !token}>
            <NewPasswordField name="password" label={t('access.newPassword')} testId="set-password" />
            <Form.Item
              name="confirm"
              label={t('access.confirmPassword')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('access.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    !v || v === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('access.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" size="large" data-testid="set-password-confirm" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={loading}
              data-testid="set-password-submit"
            >
              {t('access.setSubmit')}
            </Button>
          </Form>
        </>
      )}
      {!done && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Link to="/forgot-password">{t('access.askNewLink')}</Link>
        </Flex>
      )}
    </AuthFrame>
  );
}
