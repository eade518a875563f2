import type { ReactNode } from 'react';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '../kernel';
import { PlanTrialDocument } from '../gql/opportunities/graphql';

interface Values {
  productId: string;
  serialNumber: string;
  plannedFrom: Dayjs;
  plannedTo: Dayjs;
  protocol: string;
}

const FIELDS = ['productId', 'serialNumber', 'plannedFrom', 'plannedTo', 'protocol'];
const DAY = 'YYYY-MM-DD';

/** 计划试用: which instrument (product and serial; the app's own product picker), from when to when, and the protocol. */
export function PlanTrialModal({
  opportunityId,
  productPicker,
  open,
  onClose,
}: {
  opportunityId: string;
  productPicker: ReactNode;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [plan, { loading }] = useMutation(PlanTrialDocument, {
    refetchQueries: ['OpportunityTrials', 'Trials'],
    awaitRefetchQueries: true,
  });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    fields: FIELDS,
    errors: { prefix: 'trial.error' },
    send: async (v, requestKey) => {
      await plan({
        variables: {
          input: {
            opportunityId,
            productId: v.productId,
            serialNumber: v.serialNumber.trim(),
            plannedFrom: v.plannedFrom.format(DAY),
            plannedTo: v.plannedTo.format(DAY),
            protocol: v.protocol.trim(),
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });

  return (
    <FormModal {...shell} title={t('trial.plan')} submitText={t('trial.plan')} testId="trial-plan">
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearFailure}
        initialValues={{ plannedFrom: dayjs(), plannedTo: dayjs().add(30, 'day') }}
      >
        <Form.Item name="productId" label={t('trial.product')} rules={[{ required: true }]}>
          {productPicker}
        </Form.Item>
        <Form.Item name="serialNumber" label={t('trial.serialNumber')} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="plannedFrom" label={t('trial.plannedFrom')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plannedTo" label={t('trial.plannedTo')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="protocol" label={t('trial.protocol')} rules={[{ required: true, min: 2, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
