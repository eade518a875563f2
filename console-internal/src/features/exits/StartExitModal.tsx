import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import { StartExitPlanDocument } from '../../gql/graphql';
import { DistributorPicker } from '../../components/DistributorPicker';

interface Values {
  distributorId: string;
  successorId?: string;
  effectiveOn: Dayjs;
  sellOutUntil?: Dayjs | null;
  reason: string;
}

const FIELDS = ['distributorId', 'successorId', 'effectiveOn', 'sellOutUntil', 'reason'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 启动劝退: the exiting distributor, its successor, the effective date and the sell-out window; opens the plan. */
export function StartExitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [start, { loading }] = useMutation(StartExitPlanDocument, { refetchQueries: ['ExitPlans'] });
  const today = chinaToday();
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    errors: { prefix: 'exit.error' },
    fields: (field) => (FIELDS.includes(field) ? field : undefined),
    send: async (v, key) => {
      const { data } = await start({
        variables: {
          input: {
            distributorId: v.distributorId,
            successorId: v.successorId || null,
            effectiveOn: day(v.effectiveOn),
            sellOutUntil: v.sellOutUntil ? day(v.sellOutUntil) : null,
            reason: v.reason.trim(),
            idempotencyKey: key,
          },
        },
      });
      onClose();
      if (data) void navigate(`/exits/${data.startExitPlan.id}`);
    },
  });

  return (
    <FormModal {...shell} title={t('exit.startTitle')} submitText={t('exit.startSubmit')} testId="exit-start-form">
      <Form<Values> {...formProps} initialValues={{ effectiveOn: dayjs(today) }}>
        <Form.Item
          name="distributorId"
          label={t('exit.distributor')}
          extra={t('exit.startHelp')}
          rules={[{ required: true, message: t('exit.distributorRequired') }]}
        >
          <DistributorPicker
            placeholder={t('exit.pickDistributor')}
            testId="exit-distributor"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="successorId" label={t('exit.successor')}>
          <DistributorPicker
            placeholder={t('exit.pickDistributor')}
            testId="exit-successor"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={t('exit.effectiveOn')}
          rules={[{ required: true, message: t('exit.effectiveOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => day(d) < today} />
        </Form.Item>
        <Form.Item name="sellOutUntil" label={t('exit.sellOutUntil')} extra={t('exit.sellOutHelp')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => day(d) < today} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('exit.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('exit.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
