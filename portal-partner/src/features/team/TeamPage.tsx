import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyTeamDocument } from '../../gql/graphql';
import { InviteRepForm } from './InviteRepForm';
import { MemberRow } from './MemberRow';
import './strings';

/**
 * 团队 (the owner's, under 我的): his people, each rep's state and last sign-in; invite a rep (an
 * e-mail with a link to set a password), disable one who left (his sessions end at once) or enable
 * him again, and who may see the account.
 */
export default function TeamPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const distributorId = me.distributor?.id ?? '';
  const { data, error, refetch } = useQuery(MyTeamDocument, {
    variables: { distributorId },
    fetchPolicy: 'cache-and-network',
  });
  const [inviting, setInviting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  let body;
  if (error && !data) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (!data) body = <LoadingState />;
  else if (data.users.nodes.length === 0) body = <EmptyState title={t('team.empty')} />;
  else
    body = (
      <div className="pp-list">
        {data.users.nodes.map((u) => (
          <MemberRow key={u.id} member={u} self={u.id === me.id} colleagues={data.users.nodes} onError={setFailure} />
        ))}
      </div>
    );

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('team.title')}
        subtitle={me.distributor?.name}
        extra={
          !inviting && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setInviting(true)}
              data-testid="invite-rep"
            >
              {t('team.invite')}
            </Button>
          )
        }
      />
      {inviting && <InviteRepForm onClose={() => setInviting(false)} onInvited={() => void refetch()} />}
      {failure && <Alert type="error" showIcon closable title={failure} onClose={() => setFailure(null)} />}
      <Card size="small" data-testid="team">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('team.hint')}
        </Typography.Paragraph>
        {body}
      </Card>
    </Flex>
  );
}
