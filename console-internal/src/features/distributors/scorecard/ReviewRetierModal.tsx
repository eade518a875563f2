import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { chinaToday, FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { ReviewRetierDocument } from '../../../gql/graphql';

export type Review = 'approve' | 'reject';
interface Values {
  effectiveFrom?: Dayjs;
  reason?: string;
}

/** Approve a re-tier from a date (today or later), or reject it with a reason. */
export function ReviewRetierModal({ id, review, onClose }: { id: string | null; review: Review; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [send, { loading }] = useMutation(ReviewRetierDocument, { refetchQueries: ['RetierProposals'] });
  const approve = review === 'approve';
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open: id !== null,
    onClose,
    loading,
    errors: { prefix: 'scorecard.error', reload: ['RetierProposals'] },
    fields: ['effectiveFrom', 'reason'],
    send: async (v, idempotencyKey) => {
      await send({
        variables: {
          id: id!,
          input: {
            approve,
            effectiveFrom: approve ? v.effectiveFrom!.format('YYYY-MM-DD') : null,
            reason: v.reason?.trim() || null,
            idempotencyKey,
          },
        },
      });
      onClose();
      void message.success(t(approve ? 'retier.approved' : 'retier.rejected'));
    },
  });
  const today = chinaToday();

  return (
    <FormModal
      {...shell}
      title={t(approve ? 'retier.approveTitle' : 'retier.rejectTitle')}
      submitText={t(approve ? 'retier.approve' : 'retier.reject')}
      testId="review-retier-form"
    >
      <Form<Values> {...formProps} initialValues={approve ? { effectiveFrom: dayjs(today) } : {}}>
        {approve && (
          <Form.Item
            name="effectiveFrom"
            label={t('scorecard.effectiveFrom')}
            rules={[{ required: true, message: t('scorecard.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('retier.reason')}
          rules={
            approve
              ? [{ max: 500 }]
              : [{ required: true, whitespace: true, max: 500, message: t('scorecard.required') }]
          }
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
