import { Card, List, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DistributorUsersDocument } from '../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';

/** The distributor's own people (owner and reps), for the brand's channel staff. */
export function UsersCard({ distributorId }: { distributorId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DistributorUsersDocument, { variables: { id: distributorId } });
  const people = data?.users.nodes ?? [];
  return (
    <Card title={t('distributor.users')} style={{ marginBottom: 16 }} data-testid="distributor-users">
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : people.length === 0 ? (
        <EmptyState title={t('distributor.noUsers')} />
      ) : (
        <List
          dataSource={people}
          renderItem={(u) => (
            <List.Item extra={<Tag>{t(`role.${u.role}`)}</Tag>}>
              <List.Item.Meta title={u.displayName} description={u.email} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
