import { Button, Flex, Popconfirm, Switch, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { HandoverPanel } from '@medchannel/web-shared/access';
import {
  ResendRepInvitationDocument,
  SetTeamFinanceAccessDocument,
  SetTeamMemberDisabledDocument,
  type TeamMemberFragment,
} from '../../gql/graphql';

const STATE_COLOR: Record<string, string> = { INVITED: 'gold', DISABLED: 'default', ACTIVE: 'green' };

/** One person of the team; for a rep: the account switch, disable or enable, and resend an open invitation. */
export function MemberRow({
  member: u,
  self,
  colleagues,
  onError,
}: {
  member: TeamMemberFragment;
  self: boolean;
  colleagues: TeamMemberFragment[];
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const explain = useCodedError();
  const [setDisabled, disabling] = useMutation(SetTeamMemberDisabledDocument);
  const [setAccess, granting] = useMutation(SetTeamFinanceAccessDocument);
  const [resend, resending] = useMutation(ResendRepInvitationDocument);
  const rep = u.role === Role.REP && !self;
  const disabled = u.status === 'DISABLED';

  const run = async (work: () => Promise<unknown>) => {
    onError(null);
    try {
      await work();
    } catch (err) {
      onError(explain(err).message);
    }
  };

  return (
    <div className="pp-item" data-testid="member" data-email={u.email} data-status={u.status}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{u.displayName}</Typography.Text> <Tag>{t(`role.${u.role}`)}</Tag>
          <Tag color={STATE_COLOR[u.status]} data-testid="member-status">
            {t(`team.state.${u.status}`)}
          </Tag>
          <div className="pp-muted" style={{ overflowWrap: 'anywhere' }}>
            {u.email}
          </div>
          <div className="pp-muted">
            {u.lastSignInAt ? t('team.lastSignIn', { when: dateTime(u.lastSignInAt) }) : t('team.neverSignedIn')}
          </div>
        </div>
        {rep && (
          <Flex vertical align="flex-end" gap={6} style={{ flex: 'none' }}>
            <Flex align="center" gap={4}>
              <span className="pp-muted">{t('team.account')}</span>
              <Switch
                size="small"
                checked={u.financeAccess}
                loading={granting.loading}
                onChange={(on) => void run(() => setAccess({ variables: { userId: u.id, allowed: on } }))}
                aria-label={t('team.financeAccessFor', { name: u.displayName })}
                data-testid="member-finance-access"
              />
            </Flex>
            {u.status === 'INVITED' && (
              <Button
                size="small"
                loading={resending.loading}
                onClick={() => void run(() => resend({ variables: { userId: u.id } }))}
                data-testid="member-resend"
              >
                {t('team.resend')}
              </Button>
            )}
            <Popconfirm
              title={disabled ? t('team.enableConfirm') : t('team.disableConfirm', { name: u.displayName })}
              onConfirm={() => void run(() => setDisabled({ variables: { userId: u.id, disabled: !disabled } }))}
              okButtonProps={{ 'data-testid': 'member-toggle-confirm' } as never}
            >
              <Button size="small" danger={!disabled} loading={disabling.loading} data-testid="member-toggle">
                {disabled ? t('team.enable') : t('team.disable')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      {rep && disabled && <HandoverPanel person={u} colleagues={colleagues} onError={onError} />}
    </div>
  );
}
