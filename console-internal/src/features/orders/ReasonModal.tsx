import { useState, type ReactNode } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldError, useCodedError, type CodedFailure, FailureAlert } from '@medchannel/web-shared/kernel';
import { ORDER_ERRORS } from './orderErrors';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** What the reason is for, e.g. "驳回原因"; the distributor reads it */
  label: string;
  placeholder?: string;
  /** Shown above the reason: what the action will do */
  help?: ReactNode;
  danger?: boolean;
  /** data-testid prefix: <testId>-reason, <testId>-submit, <testId>-error */
  testId: string;
  run: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Reject, cancel, reverse a shipment: each needs a reason the other side will read. */
export function ReasonModal({ open, title, okText, label, placeholder, help, danger, testId, run, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError(ORDER_ERRORS);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || busy) return;
    setFailure(null);
    setBusy(true);
    try {
      await run(values.reason.trim());
      form.resetFields();
      onClose();
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, ['reason'])) setFailure(f);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ danger, 'data-testid': `${testId}-submit` } as ButtonProps}
    >
      {help && <div style={{ marginBottom: 12 }}>{help}</div>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 2, message: t('order.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={placeholder}
            data-testid={`${testId}-reason`}
          />
        </Form.Item>
      </Form>
      <FailureAlert failure={failure} testId={`${testId}-error`} />
    </Modal>
  );
}
