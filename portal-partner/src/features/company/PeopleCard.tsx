import { useState } from 'react';
import { Alert, Card, Flex, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@medchannel/shared-schema';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CompanyPeopleDocument, SetFinanceAccessDocument } from '../../gql/graphql';

/**
 * 人员与权限 (the owner's): the distributor's people, and a switch per rep that lets them see the
 * account (对账单、发票、回款). Off by default: the owner decides who reads the money.
 */
export function PeopleCard({ distributorId }: { distributorId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(CompanyPeopleDocument, {
    variables: { distributorId },
    fetchPolicy: 'cache-and-network',
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [setAccess] = useMutation(SetFinanceAccessDocument);
  const explain = useCodedError();

  const toggle = async (userId: string, allowed: boolean) => {
    setPending(userId);
    setFailure(null);
    try {
      await setAccess({ variables: { userId, allowed } });
    } catch (err) {
      setFailure(explain(err).message);
    } finally {
      setPending(null);
    }
  };

  let body;
  if (error && !data) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (!data) body = <LoadingState />;
  else if (data.users.nodes.length === 0) body = <EmptyState title={t('company.noPeople')} />;
  else
    body = (
      <div className="pp-list">
        {data.users.nodes.map((u) => (
          <div key={u.id} className="pp-item" data-testid="person" data-email={u.email}>
            <Flex justify="space-between" align="center" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{u.displayName}</Typography.Text>{' '}
                <Tag style={{ marginInlineStart: 4 }}>{t(`role.${u.role}`)}</Tag>
                <div className="pp-muted" style={{ overflowWrap: 'anywhere' }}>
                  {u.email}
                </div>
              </div>
              {u.role === Role.REP ? (
                <Flex vertical align="flex-end" gap={2} style={{ flex: 'none' }}>
                  <Switch
                    checked={u.financeAccess}
                    loading={pending === u.id}
                    onChange={(on) => void toggle(u.id, on)}
                    aria-label={t('company.financeAccessFor', { name: u.displayName })}
                    data-testid="finance-access"
                  />
                  <span className="pp-muted">
                    {t(u.financeAccess ? 'company.financeAccessOn' : 'company.financeAccessOff')}
                  </span>
                </Flex>
              ) : (
                <span className="pp-muted" style={{ flex: 'none' }}>
                  {t('company.ownerSeesAll')}
                </span>
              )}
            </Flex>
          </div>
        ))}
      </div>
    );

  return (
    <Card size="small" title={t('company.people')} data-testid="company-people">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('company.peopleHint')}
      </Typography.Paragraph>
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} data-testid="finance-access-error" />
      )}
      {body}
    </Card>
  );
}
