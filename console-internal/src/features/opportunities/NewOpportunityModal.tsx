import { Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { AMOUNT } from '@medchannel/web-shared/opportunities';
import { DistributorPicker } from '../../components/DistributorPicker';
import { HospitalPicker } from '../../components/HospitalPicker';
import { CreateConsoleOpportunityDocument, OpportunityFormOptionsDocument } from '../../gql/graphql';

interface Values {
  hospitalId: string;
  departmentId: string;
  productLineId: string;
  distributorId?: string;
  need: string;
  estimatedValue: string;
  expectedMonth?: string;
  competitor?: string;
}

const FIELDS = [
  'hospitalId',
  'departmentId',
  'productLineId',
  'distributorId',
  'need',
  'estimatedValue',
  'expectedMonth',
];

/** An opportunity captured in the console: the channel manager's own, or one a distributor works. */
export function NewOpportunityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const hospitalId = Form.useWatch('hospitalId', form);
  const options = useQuery(OpportunityFormOptionsDocument, {
    variables: { hospitalId: hospitalId ?? '', withHospital: Boolean(hospitalId) },
    skip: !open,
  });
  const [create, { loading }] = useMutation(CreateConsoleOpportunityDocument, {
    refetchQueries: ['ConsoleOpportunities'],
  });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    fields: FIELDS,
    send: async (v, requestKey) => {
      const res = await create({
        variables: {
          input: {
            ...v,
            distributorId: v.distributorId || null,
            expectedMonth: v.expectedMonth || null,
            competitor: v.competitor?.trim() || null,
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
      const id = res.data?.createOpportunity.id;
      if (id) void navigate(`/opportunities/${id}`);
    },
  });
  const departments = options.data?.hospital?.departments ?? [];

  return (
    <FormModal {...shell} title={t('opportunity.new')} submitText={t('action.save')} testId="opportunity-form">
      <Form<Values> form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item name="hospitalId" label={t('opportunity.hospital')} rules={[{ required: true }]}>
          <HospitalPicker
            placeholder={t('opportunity.hospital')}
            testId="opportunity-hospital"
            onChange={() => form.setFieldValue('departmentId', undefined)}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('opportunity.department')} rules={[{ required: true }]}>
          <Select
            placeholder={t('opportunity.departmentPlaceholder')}
            disabled={!hospitalId}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="opportunity-department"
          />
        </Form.Item>
        <Form.Item name="productLineId" label={t('opportunity.productLine')} rules={[{ required: true }]}>
          <Select
            options={(options.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="opportunity-line"
          />
        </Form.Item>
        <Form.Item name="distributorId" label={t('opportunity.distributorOptional')}>
          <DistributorPicker placeholder={t('opportunity.distributor')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="need" label={t('opportunity.need')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="estimatedValue"
          label={t('opportunity.value')}
          rules={[{ required: true, pattern: AMOUNT, message: t('opportunity.valueInvalid') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="expectedMonth" label={t('opportunity.expectedMonth')}>
          <Input type="month" />
        </Form.Item>
        <Form.Item name="competitor" label={t('opportunity.competitor')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
