import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorReason } from '@medchannel/shared-schema';
import { useSession } from '../app/session';
import { errorMessage } from '../app/errors';
import { AuthFrame } from '../access/AuthFrame';
import { safeNext } from './next';

interface Credentials {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const expired = params.get('reason') === ErrorReason.SESSION_EXPIRED;
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'signedIn') return <Navigate to={next} replace />;

  const onFinish = async ({ email, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthFrame
      subtitle={t('login.subtitle')}
      footer={
        <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Text>
      }
    >
      {expired && !error && (
        <Alert
          type="info"
          showIcon
          title={t('errors.reason.SESSION_EXPIRED')}
          style={{ marginBottom: 16 }}
          data-testid="session-expired"
        />
      )}
      {error != null && (
        <Alert
          type="error"
          showIcon
          data-testid="login-error"
          title={errorMessage(t, error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={submitting}>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" size="large" data-testid="login-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            size="large"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      {/* The server answers a login on the wrong app as a wrong password (telling them apart would
            confirm a guessed one), so each page always shows the way to the other. /other-app is
            the serving convention: the static server redirects it to the other app's login. */}
      <Flex justify="space-between" style={{ marginTop: 16 }}>
        <Link to="/forgot-password" className="auth-link" data-testid="login-forgot">
          {t('access.forgot')}
        </Link>
        <Typography.Link href="/other-app" className="auth-link" data-testid="login-other-app">
          {t('login.otherApp')}
        </Typography.Link>
      </Flex>
    </AuthFrame>
  );
}
