import { Alert, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';
import { useFormat } from '../app/format';
import { MySessionsDocument, RevokeSessionsDocument } from '../gql/graphql';
import { LoadingState } from '../components/LoadingState';

/** 登录设备: my sessions (device, app, last used), each revocable, or every other at once. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { data, error, refetch } = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revoke, { loading, error: revokeError }] = useMutation(RevokeSessionsDocument, {
    refetchQueries: [MySessionsDocument],
    awaitRefetchQueries: true,
  });
  const sessions = data?.mySessions ?? [];
  const others = sessions.filter((s) => !s.current).length;

  return (
    <Card
      size="small"
      title={t('access.sessionsTitle')}
      data-testid="my-sessions"
      extra={
        <Popconfirm title={t('access.revokeOthersConfirm')} onConfirm={() => void revoke({ variables: {} })}>
          <Button size="small" danger disabled={!others} loading={loading} data-testid="revoke-others">
            {t('access.revokeOthers')}
          </Button>
        </Popconfirm>
      }
    >
      {(error || revokeError) && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, error ?? revokeError)}
          action={
            <Button size="small" onClick={() => void refetch()}>
              {t('action.retry')}
            </Button>
          }
        />
      )}
      {!data && !error && <LoadingState />}
      <Flex vertical gap={8}>
        {sessions.map((s) => (
          <Flex
            key={s.id}
            justify="space-between"
            align="center"
            gap={8}
            data-testid="session"
            data-current={s.current}
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{s.device}</Typography.Text> <Tag>{t(`access.audience.${s.audience}`)}</Tag>
              {s.current && <Tag color="blue">{t('access.thisDevice')}</Tag>}
              <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                {t('access.lastUsed', { when: dateTime(s.lastUsedAt) })}
                {s.ip ? ` · ${s.ip}` : ''}
              </div>
            </div>
            {!s.current && (
              <Button
                size="small"
                onClick={() => void revoke({ variables: { sessionId: s.id } })}
                data-testid="revoke-session"
              >
                {t('access.revoke')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
