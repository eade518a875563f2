import { Alert, Form, Input, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { BRAND_ROLES } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  InviteBrandUserDocument,
  UpdateBrandUserDocument,
  type BrandPersonFragment,
  type Role,
} from '../../gql/graphql';
import { RegionSelect } from '../../components/RegionSelect';

interface Values {
  email: string;
  displayName: string;
  role: Role;
  regionIds: string[];
}

/** Invite a colleague (e-mail, name, role, regions), or change one's role and regions. */
export function PersonModal({
  person,
  onClose,
  onDone,
}: {
  person: BrandPersonFragment | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [invite, inviting] = useMutation(InviteBrandUserDocument);
  const [update, updating] = useMutation(UpdateBrandUserDocument);
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose,
    loading: inviting.loading || updating.loading,
    fields: ['email', 'displayName', 'role', 'regionIds'],
    // One request key per opened form: a retry of the same invitation answers the same person.
    send: async (v, requestKey) => {
      const regionIds = v.regionIds ?? [];
      if (person)
        await update({
          variables: { input: { userId: person.id, role: v.role, regionIds, expectedVersion: person.version } },
        });
      else
        await invite({
          variables: { input: { email: v.email, displayName: v.displayName, role: v.role, regionIds, requestKey } },
        });
      onDone();
      onClose();
    },
  });

  return (
    <FormModal
      {...shell}
      title={person ? t('people.editTitle', { name: person.displayName }) : t('people.invite')}
      submitText={person ? t('action.save') : t('people.sendInvitation')}
      testId="person"
    >
      {!person && <Alert type="info" showIcon title={t('people.inviteHint')} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={clearFailure}
        initialValues={person ? { role: person.role, regionIds: person.regions.map((r) => r.id) } : { regionIds: [] }}
      >
        {!person && (
          <>
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}
            >
              <Input data-testid="person-email" />
            </Form.Item>
            <Form.Item name="displayName" label={t('people.name')} rules={[{ required: true, max: 100 }]}>
              <Input data-testid="person-name" />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('people.role')} rules={[{ required: true }]}>
          <Select options={BRAND_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="person-role" />
        </Form.Item>
        <Form.Item name="regionIds" label={t('people.regions')} extra={t('people.regionsHint')}>
          <RegionSelect mode="multiple" data-testid="person-regions" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
