import { Form, Input, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ContactRelation, DecisionRole } from '@medchannel/shared-schema';
import { FormModal } from '@medchannel/web-shared/kernel';
import {
  AddHospitalContactDocument,
  UpdateHospitalContactDocument,
  type HospitalContactRowFragment,
} from '../../gql/graphql';
import { useHospitalPartForm } from './useHospitalPartForm';

interface Values {
  name: string;
  title?: string | null;
  decisionRole: DecisionRole;
  relation: ContactRelation;
  departmentId?: string | null;
  phone?: string | null;
  note?: string;
}

const FIELDS = ['name', 'title', 'decisionRole', 'relation', 'departmentId', 'phone', 'note'];

/** A person of the decision chain added, or their title, role or relation changed (the change kept in their history). */
export function ContactModal({
  hospitalId,
  departments,
  contact,
  open,
  onClose,
}: {
  hospitalId: string;
  departments: Array<{ id: string; name: string }>;
  /** the contact changed; none to add one */
  contact?: HospitalContactRowFragment;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [add, added] = useMutation(AddHospitalContactDocument);
  const [update, updated] = useMutation(UpdateHospitalContactDocument);
  const { shell, formProps } = useHospitalPartForm<Values>({
    open,
    onClose,
    loading: added.loading || updated.loading,
    fields: FIELDS,
    send: async (v) => {
      const input = {
        name: v.name.trim(),
        title: v.title?.trim() || undefined,
        decisionRole: v.decisionRole,
        relation: v.relation,
        departmentId: v.departmentId ?? undefined,
        phone: v.phone?.trim() || undefined,
      };
      if (contact)
        await update({
          variables: {
            id: contact.id,
            input: { ...input, note: v.note?.trim() || undefined, expectedVersion: contact.version },
          },
        });
      else await add({ variables: { hospitalId, input } });
    },
  });

  return (
    <FormModal
      {...shell}
      title={contact ? t('hospital.editContact') : t('hospital.addContact')}
      submitText={t('action.save')}
      testId="contact-form"
    >
      <Form<Values> {...formProps} initialValues={contact ?? { relation: ContactRelation.UNKNOWN }}>
        <Form.Item
          name="name"
          label={t('hospital.contactName')}
          rules={[{ required: true, whitespace: true, message: t('hospital.contactNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('hospital.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="decisionRole"
          label={t('hospital.decisionRole')}
          rules={[{ required: true, message: t('hospital.decisionRoleRequired') }]}
        >
          <Select options={Object.values(DecisionRole).map((r) => ({ value: r, label: t(`decisionRole.${r}`) }))} />
        </Form.Item>
        <Form.Item name="relation" label={t('hospital.relation')}>
          <Select
            options={Object.values(ContactRelation).map((r) => ({ value: r, label: t(`contactRelation.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('hospital.department')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('hospital.phone')}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        {contact && (
          <Form.Item name="note" label={t('hospital.changeNote')}>
            <Input maxLength={500} placeholder={t('hospital.changeNotePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
