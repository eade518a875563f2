import { Descriptions, Form, InputNumber } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { ProposeTargetDocument, type ConsoleTargetFragment, type PotentialByLineFragment } from '../../gql/graphql';

export interface Proposing {
  distributorId: string;
  year: number;
  potential: PotentialByLineFragment;
  /** the countered target proposed again, if any */
  target?: ConsoleTargetFragment;
}

interface Values {
  sharePercent: number;
}

const ERRORS = {
  prefix: 'salesTarget.error',
  reload: ['DistributorTargets'],
  stale: [ErrorReason.STALE_VERSION, ErrorReason.TARGET_LOCKED],
};

/** A target proposed from the line's potential × the expected share (the API computes and splits it). */
export function ProposeTargetModal({ proposing, onClose }: { proposing: Proposing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const [propose, proposed] = useMutation(ProposeTargetDocument, {
    refetchQueries: ['DistributorTargets'],
    awaitRefetchQueries: true,
  });
  const open = proposing !== null;
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading: proposed.loading,
    errors: ERRORS,
    fields: { share: 'sharePercent' },
    send: async (v, requestKey) => {
      if (!proposing) return;
      await propose({
        variables: {
          input: {
            distributorId: proposing.distributorId,
            productLineId: proposing.potential.productLine?.id ?? '',
            year: proposing.year,
            // a whole or two-decimal percentage as a fraction of 4 decimals, written as text (never a float)
            share: shareOf(v.sharePercent),
            expectedVersion: proposing.target?.version ?? null,
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });
  const total = proposing?.potential.total;
  return (
    <FormModal
      {...shell}
      title={t('salesTarget.proposeTitle', {
        line: proposing?.potential.productLine?.name ?? '',
        year: proposing?.year,
      })}
      submitText={t('salesTarget.send')}
      testId="propose-target"
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('salesTarget.potential')}>
          {total ? format.money(total.amount, total.currency) : '—'}
        </Descriptions.Item>
        {proposing?.target?.current.reason && (
          <Descriptions.Item label={t('salesTarget.counterReason')}>
            {proposing.target.current.reason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form<Values> {...formProps} initialValues={{ sharePercent: 30 }}>
        <Form.Item
          name="sharePercent"
          label={t('salesTarget.share')}
          extra={t('salesTarget.shareHint')}
          rules={[{ required: true, message: t('salesTarget.shareRequired') }]}
        >
          <InputNumber min={0.01} max={100} precision={2} addonAfter="%" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 30 → "0.3000", 12.5 → "0.1250": the percentage's hundredths as an exact fraction. */
function shareOf(percent: number): string {
  const hundredths = Math.round(percent * 100);
  return `${Math.floor(hundredths / 10000)}.${String(hundredths % 10000).padStart(4, '0')}`;
}
