import type { ReactNode } from 'react';
import { Button, Empty, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorCode } from '@medchannel/shared-schema';
import { codedError, errorMessage } from '../app/errors';

export { LoadingState } from './LoadingState';

/** Every page says the same thing the same way when it is empty or when it fails. */
export function EmptyState({
  title,
  description,
  action,
}: {
  title?: string;
  description?: string;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" style={{ padding: '48px 16px' }} data-testid="empty">
      <Empty
        description={
          <>
            <div style={{ fontSize: 16, color: 'rgba(0,0,0,0.88)' }}>{title ?? t('state.empty')}</div>
            {description && <div style={{ marginTop: 4, maxWidth: 420 }}>{description}</div>}
          </>
        }
      >
        {action}
      </Empty>
    </Flex>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const coded = codedError(error);
  if (coded.code === ErrorCode.NOT_FOUND) return <NotFoundState />;
  return (
    <Result
      status={coded.code === ErrorCode.FORBIDDEN ? '403' : 'error'}
      title={t('state.errorTitle')}
      subTitle={<span data-testid="error-message">{errorMessage(t, error)}</span>}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )
      }
    />
  );
}

export function NotFoundState({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('state.notFoundTitle')}
      subTitle={t('state.notFound')}
      extra={
        <Link to={homePath}>
          <Button type="primary">{t('action.home')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenState() {
  const { t } = useTranslation();
  return <Result status="403" title={t('state.forbiddenTitle')} subTitle={t('errors.reason.ROLE_NOT_ALLOWED')} />;
}
