import { useState, type ReactNode } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  label: string;
  /** data-testid prefix: <testId>-reason, <testId>-submit */
  testId: string;
  /** Resolves when the move went through; a refusal is shown by the page, the text stays */
  run: (reason: string) => Promise<boolean>;
  onClose: () => void;
  children?: ReactNode;
  danger?: boolean;
}

/** Decline, cancel, settle a dispute: a reason the other side reads. Kept on a refusal. */
export function ReasonModal({ open, title, okText, label, testId, run, onClose, children, danger }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || busy) return;
    setBusy(true);
    const ok = await run(values.reason.trim()).finally(() => setBusy(false));
    if (ok) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {children}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 2, message: t('visit.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
