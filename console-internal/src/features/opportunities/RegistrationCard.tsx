import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { FormModal, useCodedError, useFormSubmit, type CodedErrorOptions } from '@medchannel/web-shared/kernel';
import {
  ApproveRegistrationDocument,
  RejectRegistrationDocument,
  type ConsoleOpportunityQuery,
} from '../../gql/graphql';
import { RegistrationTag } from '@medchannel/web-shared/opportunities';

type Opportunity = ConsoleOpportunityQuery['opportunity'];

const ERRORS: CodedErrorOptions = {
  prefix: 'opportunity.error',
  stale: [ErrorReason.ILLEGAL_TRANSITION, ErrorReason.STALE_VERSION],
  reload: ['ConsoleOpportunity'],
};

/** 项目报备: where the latest registration stands; a pending one is approved (protected for the brand's period) or rejected with a reason. */
export function RegistrationCard({
  opportunity: o,
  protectionDays,
}: {
  opportunity: Opportunity;
  protectionDays: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [approve, approving] = useMutation(ApproveRegistrationDocument, {
    onError: (error) => setFailure(explain(error).message),
  });
  const r = o.registration;
  const decides = r?.status === 'PENDING' && can(user.role, 'opportunity.approve');

  return (
    <Card title={t('opportunity.registration')} style={{ marginBottom: 16 }} data-testid="registration-card">
      <Flex vertical gap={12}>
        {r ? (
          <RegistrationTag registration={r} />
        ) : (
          <Typography.Text type="secondary">{t('opportunity.noRegistration')}</Typography.Text>
        )}
        {r && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('opportunity.registeredAt')}>{format.dateTime(r.createdAt)}</Descriptions.Item>
            {r.rejectReason && (
              <Descriptions.Item label={t('opportunity.rejectReason')}>{r.rejectReason}</Descriptions.Item>
            )}
          </Descriptions>
        )}
        {failure && <Alert type="error" showIcon title={failure} data-testid="registration-error" />}
        {decides && (
          <>
            <Typography.Text type="secondary">{t('opportunity.approveHint', { days: protectionDays })}</Typography.Text>
            <Flex gap={8}>
              <Button
                type="primary"
                loading={approving.loading}
                onClick={() => {
                  setFailure(null);
                  void approve({ variables: { id: r.id } });
                }}
                data-testid="registration-approve"
              >
                {t('opportunity.approve')}
              </Button>
              <Button danger onClick={() => setRejecting(true)} data-testid="registration-reject">
                {t('opportunity.reject')}
              </Button>
            </Flex>
            <RejectModal registrationId={r.id} open={rejecting} onClose={() => setRejecting(false)} />
          </>
        )}
      </Flex>
    </Card>
  );
}

function RejectModal({
  registrationId,
  open,
  onClose,
}: {
  registrationId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [reject, { loading }] = useMutation(RejectRegistrationDocument);
  const { shell, clearFailure } = useFormSubmit<{ reason: string }>({
    form,
    open,
    onClose,
    loading,
    errors: ERRORS,
    fields: ['reason'],
    send: async (v) => {
      await reject({ variables: { id: registrationId, reason: v.reason.trim() } });
      onClose();
    },
  });
  return (
    <FormModal
      {...shell}
      title={t('opportunity.rejectTitle')}
      submitText={t('opportunity.reject')}
      testId="reject-form"
    >
      <Form form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item
          name="reason"
          label={t('opportunity.rejectReason')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 500, message: t('opportunity.rejectReasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
