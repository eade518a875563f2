import type { CSSProperties, ReactNode } from 'react';
import { Alert, Button, Drawer, Modal, Space, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormFailure } from './useFormSubmit';

/**
 * A form's notice of a failure no field shows. `data-reason` carries the coded reason where a test
 * or a screen reads it; `detail={false}` where the detail is worded elsewhere.
 */
export function FailureAlert({
  failure,
  testId,
  style,
  detail = true,
  withReason = false,
}: {
  failure: { message: string; detail?: string; reason?: string } | null | undefined;
  testId: string;
  style?: CSSProperties;
  detail?: boolean;
  withReason?: boolean;
}) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={failure.message}
      description={detail ? failure.detail : undefined}
      data-testid={testId}
      {...(withReason ? { 'data-reason': failure.reason ?? '' } : {})}
    />
  );
}

/** `open`, `onClose`, `submit`, `loading` and `failure` are `useFormSubmit`'s `shell`: spread it. */
interface ShellProps {
  open: boolean;
  onClose: () => void;
  submit: () => void;
  loading: boolean;
  failure: FormFailure | null;
  title: ReactNode;
  /** The submit button's words */
  submitText: ReactNode;
  /** `<testId>-submit` on the submit button, `<testId>-error` on the notice */
  testId: string;
  children: ReactNode;
}

/** A form in a modal: submit and cancel in the footer, the notice under the fields. */
export function FormModal({ width, ...p }: ShellProps & { width?: number }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.submitText}
      cancelText={t('action.cancel')}
      confirmLoading={p.loading}
      onOk={p.submit}
      onCancel={p.onClose}
      destroyOnHidden
      {...(width ? { width } : {})}
      okButtonProps={{ 'data-testid': `${p.testId}-submit` } as ButtonProps}
    >
      {p.children}
      <FailureAlert failure={p.failure} testId={`${p.testId}-error`} />
    </Modal>
  );
}

/** A form in a drawer: cancel and submit at its top right, the notice above the fields. */
export function FormDrawer({ size, ...p }: ShellProps & { size: number }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={p.open}
      onClose={p.onClose}
      title={p.title}
      size={size}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={p.onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={p.loading} onClick={p.submit} data-testid={`${p.testId}-submit`}>
            {p.submitText}
          </Button>
        </Space>
      }
    >
      <FailureAlert failure={p.failure} testId={`${p.testId}-error`} style={{ marginBottom: 16 }} />
      {p.children}
    </Drawer>
  );
}
