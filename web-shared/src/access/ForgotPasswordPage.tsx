import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../app/errors';
import { RequestPasswordResetDocument } from '../gql/graphql';
import { AuthFrame } from './AuthFrame';

/** 忘记密码: asks for a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onFinish = async ({ email }: { email: string }) => {
    setError(null);
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <AuthFrame subtitle={t('access.forgotTitle')}>
      {sent ? (
        <Alert type="success" showIcon title={t('access.resetSent')} data-testid="reset-sent" />
      ) : (
        <>
          {error != null && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph type="secondary">{t('access.forgotHint')}</Typography.Paragraph>
          <Form layout="vertical" requiredMark={false} onFinish={onFinish} disabled={loading}>
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
            >
              <Input prefix={<MailOutlined />} autoComplete="username" size="large" data-testid="forgot-email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={loading} data-testid="forgot-submit">
              {t('access.sendLink')}
            </Button>
          </Form>
        </>
      )}
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Link to="/login">{t('access.backToLogin')}</Link>
      </Flex>
    </AuthFrame>
  );
}
