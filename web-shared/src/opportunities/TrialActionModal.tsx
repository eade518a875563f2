import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TrialOutcome } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '../kernel';
import {
  CancelTrialDocument,
  DeliverTrialDocument,
  ExtendTrialDocument,
  ReturnTrialDocument,
  type TrialDetailFragment,
} from '../gql/opportunities/graphql';

export type TrialAction = 'deliver' | 'extend' | 'return' | 'cancel';

interface Values {
  on?: Dayjs;
  plannedTo?: Dayjs;
  reason?: string;
  outcome?: TrialOutcome;
  result?: string;
}

const DAY = 'YYYY-MM-DD';
const REFETCH = { refetchQueries: ['OpportunityTrials', 'Trials'], awaitRefetchQueries: true };
const STALE = { prefix: 'trial.error', reload: ['OpportunityTrials', 'Trials'] };

/** One change of a trial's status: delivered on a day, extended to a later day with a reason, returned with a result, or cancelled. */
export function TrialActionModal({
  trial,
  action,
  onClose,
}: {
  trial: TrialDetailFragment;
  action: TrialAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [deliver, d] = useMutation(DeliverTrialDocument, REFETCH);
  const [extend, e] = useMutation(ExtendTrialDocument, REFETCH);
  const [giveBack, r] = useMutation(ReturnTrialDocument, REFETCH);
  const [cancel, c] = useMutation(CancelTrialDocument, REFETCH);
  const base = { id: trial.id };
  const expectedVersion = trial.version;
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: action !== null,
    onClose,
    loading: d.loading || e.loading || r.loading || c.loading,
    fields: ['on', 'plannedTo', 'reason', 'outcome', 'result'],
    errors: STALE,
    send: async (v) => {
      if (action === 'deliver')
        await deliver({ variables: { ...base, input: { expectedVersion, deliveredOn: v.on!.format(DAY) } } });
      if (action === 'extend')
        await extend({
          variables: { ...base, input: { expectedVersion, plannedTo: v.plannedTo!.format(DAY), reason: v.reason! } },
        });
      if (action === 'return')
        await giveBack({
          variables: {
            ...base,
            input: { expectedVersion, returnedOn: v.on!.format(DAY), outcome: v.outcome!, result: v.result! },
          },
        });
      if (action === 'cancel') await cancel({ variables: { ...base, input: { expectedVersion, reason: v.reason! } } });
      onClose();
    },
  });
  if (!action) return null;
  const title = t(`trial.${action}`);
  const required = [{ required: true }];

  return (
    <FormModal {...shell} title={`${title} · ${trial.serialNumber}`} submitText={title} testId={`trial-${action}`}>
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clearFailure}
        initialValues={{ on: dayjs(), plannedTo: dayjs(trial.plannedTo).add(14, 'day') }}
      >
        {(action === 'deliver' || action === 'return') && (
          <Form.Item
            name="on"
            label={t(action === 'deliver' ? 'trial.deliveredOn' : 'trial.returnedOn')}
            rules={required}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'extend' && (
          <Form.Item name="plannedTo" label={t('trial.plannedTo')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(action === 'extend' || action === 'cancel') && (
          <Form.Item name="reason" label={t('trial.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === 'return' && (
          <>
            <Form.Item name="outcome" label={t('trial.outcome')} rules={required}>
              <Select
                options={Object.values(TrialOutcome).map((o) => ({ value: o, label: t(`trial.outcomes.${o}`) }))}
              />
            </Form.Item>
            <Form.Item name="result" label={t('trial.result')} rules={[{ required: true, min: 2, max: 2000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
