import { App, Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { ApproveTenderQuoteDocument, RejectTenderQuoteDocument } from '../../../gql/graphql';

export type Decision = 'approve' | 'reject';

/** Approve or reject a quote below the floor, with the reason kept with the decision. */
export function DecideQuoteModal({
  quoteId,
  decision,
  onClose,
}: {
  quoteId: string | null;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const options = { refetchQueries: ['TenderQuoteApprovals'] };
  const [approve, approving] = useMutation(ApproveTenderQuoteDocument, options);
  const [reject, rejecting] = useMutation(RejectTenderQuoteDocument, options);
  const { shell, clearFailure } = useFormSubmit<{ reason: string }>({
    form,
    open: quoteId !== null,
    onClose,
    loading: approving.loading || rejecting.loading,
    errors: { prefix: 'tender.error', reload: ['TenderQuoteApprovals'] },
    fields: ['reason'],
    send: async (v) => {
      const variables = { id: quoteId!, reason: v.reason.trim() };
      await (decision === 'approve' ? approve({ variables }) : reject({ variables }));
      onClose();
      void message.success(t(decision === 'approve' ? 'tender.approvals.approved' : 'tender.approvals.rejected'));
    },
  });

  return (
    <FormModal
      {...shell}
      title={t(decision === 'approve' ? 'tender.approvals.approveTitle' : 'tender.approvals.rejectTitle')}
      submitText={t(decision === 'approve' ? 'tender.approvals.approve' : 'tender.approvals.reject')}
      testId="decide-quote-form"
    >
      <Form form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item
          name="reason"
          label={t('tender.decisionNote')}
          rules={[{ required: true, whitespace: true, max: 500, message: t('tender.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
