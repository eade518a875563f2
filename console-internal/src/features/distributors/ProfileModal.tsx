import { Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DistributorClassification } from '@medchannel/shared-schema';
import { ClassificationSelect } from './ClassificationSelect';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { UpdateDistributorProfileDocument, type DistributorDetailFragment } from '../../gql/graphql';

interface Values {
  name: string;
  tier: number;
  creditCode?: string;
  registeredCapital?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  classifications: DistributorClassification[];
}

const FIELDS = [
  'name',
  'tier',
  'creditCode',
  'registeredCapital',
  'address',
  'contactName',
  'contactPhone',
  'classifications',
];

/** Edits the profile at the version the page saw; someone else's save in between is STALE_VERSION. */
export function ProfileModal({
  distributor: d,
  open,
  onClose,
}: {
  distributor: DistributorDetailFragment;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [update, { loading }] = useMutation(UpdateDistributorProfileDocument);
  const text = (v?: string | null) => v?.trim() || undefined;
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    fields: FIELDS,
    send: async (values) => {
      await update({
        variables: {
          id: d.id,
          expectedVersion: d.version,
          input: {
            name: values.name.trim(),
            tier: values.tier,
            creditCode: text(values.creditCode)?.toUpperCase(),
            registeredCapital: text(values.registeredCapital),
            address: text(values.address),
            contactName: text(values.contactName),
            contactPhone: text(values.contactPhone),
            classifications: values.classifications,
          },
        },
      });
      onClose();
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('distributor.profileTitle')}
      submitText={t('action.save')}
      testId="profile"
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: d.name,
          tier: d.tier,
          creditCode: d.creditCode ?? undefined,
          registeredCapital: d.registeredCapital ?? undefined,
          address: d.address ?? undefined,
          contactName: d.contactName ?? undefined,
          contactPhone: d.contactPhone ?? undefined,
          classifications: d.classifications,
        }}
      >
        <Form.Item
          name="name"
          label={t('distributor.name')}
          rules={[{ required: true, whitespace: true, message: t('distributor.nameRequired') }]}
        >
          <Input maxLength={200} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="tier" label={t('distributor.tier')} rules={[{ required: true }]}>
          <Select options={[1, 2].map((tier) => ({ value: tier, label: t('distributor.tierValue', { tier }) }))} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('distributor.creditCode')}
          rules={[{ pattern: /^[0-9A-Za-z]{18}$/, message: t('distributor.creditCodeInvalid') }]}
        >
          <Input maxLength={18} data-testid="profile-creditCode" />
        </Form.Item>
        <Form.Item
          name="registeredCapital"
          label={t('distributor.registeredCapital')}
          rules={[{ pattern: /^\d{1,15}(\.\d{1,2})?$/, message: t('distributor.capitalInvalid') }]}
        >
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contactName" label={t('distributor.contactName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('distributor.contactPhone')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="address" label={t('distributor.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="classifications" label={t('distributor.classifications')}>
          <ClassificationSelect />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
