import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { showFieldError, useCodedError } from '@medchannel/web-shared/kernel';
import {
  ExtendAuthorizationDocument,
  RevokeAuthorizationDocument,
  type AuthorizationRowFragment,
} from '../../gql/graphql';

export type GrantAction = { kind: 'extend' | 'revoke'; grant: AuthorizationRowFragment };

/** Extends a live grant to a new end date, or revokes it from a date with a reason. */
export function ChangeGrantModal({ action, onClose }: { action: GrantAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ date: Dayjs; reason?: string }>();
  const [extend, extending] = useMutation(ExtendAuthorizationDocument);
  const [revoke, revoking] = useMutation(RevokeAuthorizationDocument);
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);
  const { grant, kind } = action;

  const explain = useCodedError();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFailure(null);
    const date = v.date.format('YYYY-MM-DD');
    try {
      if (kind === 'extend')
        await extend({ variables: { id: grant.id, validTo: date, expectedVersion: grant.version } });
      else
        await revoke({
          variables: { id: grant.id, effectiveFrom: date, reason: v.reason ?? '', expectedVersion: grant.version },
        });
      onClose();
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, { validTo: 'date', effectiveFrom: 'date' }, { withDetail: true })) setFailure(f);
    }
  };

  return (
    <Modal
      open
      title={t(kind === 'extend' ? 'grant.extendTitle' : 'grant.revokeTitle')}
      okText={t(kind === 'extend' ? 'grant.extend' : 'grant.revoke')}
      okButtonProps={{ danger: kind === 'revoke' }}
      cancelText={t('action.cancel')}
      confirmLoading={extending.loading || revoking.loading}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: kind === 'extend' ? dayjs(grant.validTo).add(30, 'day') : dayjs() }}
      >
        <Form.Item
          name="date"
          label={t(kind === 'extend' ? 'grant.newValidTo' : 'grant.effectiveFrom')}
          rules={[{ required: true, message: t('grant.dateRequired') }]}
          extra={kind === 'revoke' ? t('grant.revokeHelp') : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'revoke' && (
          <Form.Item
            name="reason"
            label={t('grant.revokeReason')}
            rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} />}
    </Modal>
  );
}
