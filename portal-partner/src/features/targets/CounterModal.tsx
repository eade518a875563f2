import { Form, Input, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { FormModal, parseCents, useFormSubmit } from '@medchannel/web-shared/kernel';
import { CounterTargetDocument, type PortalTargetFragment } from '../../gql/graphql';

interface Values {
  q1: string;
  q2: string;
  q3: string;
  q4: string;
  reason: string;
}

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
const ERRORS = {
  prefix: 'target.error',
  reload: ['MyTargets'],
  stale: [ErrorReason.STALE_VERSION, ErrorReason.TARGET_LOCKED],
};

/** The owner's counter: what he can take on per quarter, and why. */
export function CounterModal({
  target,
  open,
  onClose,
}: {
  target: PortalTargetFragment;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [counter, countered] = useMutation(CounterTargetDocument);
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading: countered.loading,
    errors: ERRORS,
    fields: ['reason', 'quarters'],
    send: async (v, requestKey) => {
      await counter({
        variables: {
          id: target.id,
          input: {
            expectedVersion: target.version,
            quarters: QUARTERS.map((q) => v[q].trim()),
            reason: v.reason.trim(),
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });
  const initial = Object.fromEntries(QUARTERS.map((q, i) => [q, target.current.quarters[i]?.amount ?? '']));
  const amountRule = {
    validator: (_: unknown, value?: string) =>
      value && parseCents(value.trim()) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('target.amountRequired'))),
  };
  return (
    <FormModal
      {...shell}
      title={t('target.counterTitle', { line: target.productLine?.name ?? '' })}
      submitText={t('target.submit')}
      testId="counter-form"
    >
      <Typography.Paragraph type="secondary">{t('target.counterHint')}</Typography.Paragraph>
      <Form<Values> {...formProps} initialValues={initial}>
        {QUARTERS.map((q, i) => (
          <Form.Item key={q} name={q} label={t('target.quarter', { n: i + 1 })} rules={[amountRule]}>
            <Input inputMode="decimal" />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label={t('target.reason')}
          rules={[{ required: true, whitespace: true, message: t('target.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
