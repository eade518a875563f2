import { useState } from 'react';
import { Button, Card, List, Space, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OWNER_INVITE_STAGES, type DistributorStage } from '@medchannel/shared-schema';
import { useCan } from '@medchannel/web-shared';
import { DistributorUsersDocument } from '../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { InviteOwnerModal } from './InviteOwnerModal';

/**
 * The distributor's own people (owner and reps), for the brand's channel staff; once it is
 * temporarily authorized, its channel manager or an admin invites its owner from here.
 */
export function UsersCard({ distributorId, stage }: { distributorId: string; stage: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DistributorUsersDocument, { variables: { id: distributorId } });
  const mayInvite = useCan('distributor.inviteOwner') && OWNER_INVITE_STAGES.includes(stage as DistributorStage);
  const [inviting, setInviting] = useState(false);
  const people = data?.users.nodes ?? [];
  return (
    <Card
      title={t('distributor.users')}
      style={{ marginBottom: 16 }}
      data-testid="distributor-users"
      extra={
        mayInvite && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="invite-owner">
            {t('distributor.inviteOwner')}
          </Button>
        )
      }
    >
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
            <List.Item
              extra={
                <Space size={4}>
                  {u.status !== 'ACTIVE' && <Tag color="gold">{t(`distributor.personState.${u.status}`)}</Tag>}
                  <Tag>{t(`role.${u.role}`)}</Tag>
                </Space>
              }
            >
              <List.Item.Meta title={u.displayName} description={u.email} />
            </List.Item>
          )}
        />
      )}
      {inviting && <InviteOwnerModal distributorId={distributorId} onClose={() => setInviting(false)} />}
    </Card>
  );
}
