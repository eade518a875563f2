import { Alert, Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { DistributorUsersDocument, InviteDistributorOwnerDocument } from '../../gql/graphql';

interface Values {
  email: string;
  displayName: string;
}

/** Invites the distributor's owner: an e-mail with a link to set a password and open the portal. */
export function InviteOwnerModal({ distributorId, onClose }: { distributorId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [invite, { loading }] = useMutation(InviteDistributorOwnerDocument, {
    refetchQueries: [{ query: DistributorUsersDocument, variables: { id: distributorId } }],
    awaitRefetchQueries: true,
  });
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose,
    loading,
    fields: ['email', 'displayName'],
    // One request key per opened form: a retried invitation answers the same owner.
    send: async (v, requestKey) => {
      await invite({ variables: { input: { distributorId, email: v.email, displayName: v.displayName, requestKey } } });
      onClose();
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('distributor.inviteOwner')}
      submitText={t('distributor.sendInvitation')}
      testId="invite-owner"
    >
      <Alert type="info" showIcon title={t('distributor.inviteOwnerHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" requiredMark={false} onValuesChange={clearFailure}>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
        >
          <Input data-testid="owner-email" />
        </Form.Item>
        <Form.Item name="displayName" label={t('distributor.ownerName')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="owner-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
