import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { HandoverPanel } from '@medchannel/web-shared/access';
import { SetDistributorPersonDisabledDocument, type DistributorPersonFragment } from '../../gql/graphql';

const STATE_COLOR: Record<string, string> = { INVITED: 'gold', DISABLED: 'default', ACTIVE: 'green' };

/**
 * One of a distributor's people: role, state and last sign-in; for an admin or its channel
 * manager, disable (every session ends at once) or enable, and a disabled one's open work to hand on.
 */
export function PersonRow({
  person: u,
  people,
  mayManage,
  onError,
}: {
  person: DistributorPersonFragment;
  people: DistributorPersonFragment[];
  mayManage: boolean;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const explain = useCodedError();
  const [setDisabled, { loading }] = useMutation(SetDistributorPersonDisabledDocument);
  const disabled = u.status === 'DISABLED';

  const toggle = async () => {
    onError(null);
    try {
      await setDisabled({ variables: { userId: u.id, disabled: !disabled } });
    } catch (err) {
      onError(explain(err).message);
    }
  };

  return (
    <List.Item
      aria-label={u.displayName}
      data-testid="distributor-person"
      data-status={u.status}
      extra={
        mayManage && (
          <Popconfirm
            title={t(disabled ? 'distributorPeople.enableConfirm' : 'distributorPeople.disableConfirm', {
              name: u.displayName,
            })}
            okText={t(disabled ? 'distributorPeople.enableOk' : 'distributorPeople.disableOk')}
            okButtonProps={{ danger: !disabled }}
            onConfirm={() => void toggle()}
          >
            {/* named by its word as written: antd spaces a two-character label ("恢 复") and a spinner adds its own name */}
            <Button
              size="small"
              danger={!disabled}
              loading={loading}
              aria-label={t(disabled ? 'distributorPeople.enable' : 'distributorPeople.disable')}
            >
              {t(disabled ? 'distributorPeople.enable' : 'distributorPeople.disable')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <Tag>{t(`role.${u.role}`)}</Tag>
          <Tag color={STATE_COLOR[u.status]}>{t(`distributor.personState.${u.status}`)}</Tag>
        </Space>
        <div>
          <Typography.Text type="secondary">
            {u.email} ·{' '}
            {u.lastSignInAt
              ? t('distributorPeople.lastSignIn', { when: dateTime(u.lastSignInAt) })
              : t('distributorPeople.neverSignedIn')}
          </Typography.Text>
        </div>
        {mayManage && disabled && <HandoverPanel person={u} colleagues={people} onError={onError} />}
      </div>
    </List.Item>
  );
}
