import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import {
  ResendBrandInvitationDocument,
  SetBrandUserDisabledDocument,
  type BrandPersonFragment,
} from '../../gql/graphql';

/** A row's actions for the admin: edit, resend an open invitation, disable or enable (not on himself). */
export function PersonActions({ person, onEdit }: { person: BrandPersonFragment; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const explain = useCodedError();
  const [setDisabled, disabling] = useMutation(SetBrandUserDisabledDocument);
  const [resend, resending] = useMutation(ResendBrandInvitationDocument);
  if (person.id === me.id) return null;
  const disabled = person.status === 'DISABLED';

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
    } catch (err) {
      void message.error(explain(err).message);
    }
  };

  return (
    <Space size={4}>
      <Button size="small" onClick={onEdit} data-testid="edit-person">
        {t('people.edit')}
      </Button>
      {person.status === 'INVITED' && (
        <Button
          size="small"
          loading={resending.loading}
          onClick={() => void run(() => resend({ variables: { userId: person.id } }), t('people.resent'))}
          data-testid="resend-invitation"
        >
          {t('people.resend')}
        </Button>
      )}
      <Popconfirm
        title={disabled ? t('people.enableConfirm') : t('people.disableConfirm', { name: person.displayName })}
        onConfirm={() =>
          void run(
            () => setDisabled({ variables: { userId: person.id, disabled: !disabled } }),
            disabled ? t('people.enabled') : t('people.disabled'),
          )
        }
      >
        <Button size="small" danger={!disabled} loading={disabling.loading} data-testid="toggle-disabled">
          {disabled ? t('people.enable') : t('people.disable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
