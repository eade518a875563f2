import { useState } from 'react';
import { Alert, Button, Card, List, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OWNER_INVITE_STAGES, type DistributorStage } from '@medchannel/shared-schema';
import { useCan } from '@medchannel/web-shared';
import { DistributorUsersDocument } from '../../gql/graphql';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { InviteOwnerModal } from './InviteOwnerModal';
import { PersonRow } from './PersonRow';
import './strings';

/**
 * The distributor's own people (owner and reps) with their state and last sign-in, for the
 * brand's channel staff. Its channel manager or an admin invites its owner once it is temporarily
 * authorized, disables a person who left (every session ends at once) or enables him again, and
 * hands a disabled person's open co-visits and tasks to an active colleague.
 */
export function UsersCard({ distributorId, stage }: { distributorId: string; stage: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DistributorUsersDocument, { variables: { id: distributorId } });
  const mayInvite = useCan('distributor.inviteOwner') && OWNER_INVITE_STAGES.includes(stage as DistributorStage);
  const mayManage = useCan('distributor.managePeople');
  const [inviting, setInviting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
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
      {mayManage && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('distributorPeople.hint')}
        </Typography.Paragraph>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          closable
          title={failure}
          onClose={() => setFailure(null)}
          style={{ marginBottom: 8 }}
        />
      )}
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : people.length === 0 ? (
        <EmptyState title={t('distributor.noUsers')} />
      ) : (
        <List
          dataSource={people}
          rowKey="id"
          renderItem={(u) => <PersonRow person={u} people={people} mayManage={mayManage} onError={setFailure} />}
        />
      )}
      {inviting && <InviteOwnerModal distributorId={distributorId} onClose={() => setInviting(false)} />}
    </Card>
  );
}
