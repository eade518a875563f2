import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ClassificationSelect } from './ClassificationSelect';
import { showFieldError, useCodedError } from '@medchannel/web-shared/kernel';
import {
  CreateDistributorDocument,
  RegionsDocument,
  type DistributorClassification as Classification,
} from '../../gql/graphql';
import { regionOptions } from '../../components/RegionSelect';

interface Values {
  name: string;
  code: string;
  regionId: string;
  contactName?: string;
  contactPhone?: string;
  classifications?: Classification[];
}

/** Recruitment starts here: a candidate distributor, in stage PROSPECT. */
export function NewProspectModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const regions = useQuery(RegionsDocument, { skip: !open });
  const [create, { loading }] = useMutation(CreateDistributorDocument, {
    refetchQueries: ['Distributors', 'DistributorBoard'],
  });
  const [failure, setFailure] = useState<string | null>(null);

  const explain = useCodedError();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFailure(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            name: v.name.trim(),
            code: v.code.trim(),
            regionId: v.regionId,
            profile: {
              contactName: v.contactName || undefined,
              contactPhone: v.contactPhone || undefined,
              classifications: v.classifications ?? [],
            },
          },
        },
      });
      onClose();
      if (data) {
        void message.success(t('prospect.created', { name: data.createDistributor.name }));
        void navigate(`/distributors/${data.createDistributor.id}`);
      }
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, ['name', 'code', 'regionId', 'contactName', 'contactPhone', 'classifications']))
        setFailure(f.message);
    }
  };

  const options = regionOptions(regions.data?.regions ?? []);

  return (
    <Modal
      open={open}
      title={t('prospect.title')}
      okText={t('prospect.submit')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'prospect-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label={t('prospect.name')}
          rules={[{ required: true, whitespace: true, message: t('prospect.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="prospect-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('prospect.code')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9-]+$/, message: t('prospect.codeRequired') }]}
        >
          <Input maxLength={32} data-testid="prospect-code" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('prospect.region')}
          rules={[{ required: true, message: t('prospect.regionRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={regions.loading}
            options={options}
            data-testid="prospect-region"
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('distributor.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('distributor.contactPhone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="classifications" label={t('prospect.classifications')}>
          <ClassificationSelect />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
