import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DistributorStage, STAGE_TRANSITIONS } from '@medchannel/shared-schema';
import { formError } from '@medchannel/web-shared';
import { MoveDistributorStageDocument } from '../../gql/graphql';

interface Props {
  distributor: { id: string; stage: string; version: number };
  open: boolean;
  onClose: () => void;
}

/** Offers only the moves STAGE_TRANSITIONS allows; sends the version the page saw (a newer one is STALE_VERSION). */
export function MoveStageModal({ distributor, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ toStage: DistributorStage; reason: string }>();
  const [move, { loading }] = useMutation(MoveDistributorStageDocument);
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);
  const targets = STAGE_TRANSITIONS[distributor.stage as DistributorStage] ?? [];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setFailure(null);
    try {
      await move({ variables: { distributorId: distributor.id, expectedVersion: distributor.version, ...values } });
      form.resetFields();
      onClose();
    } catch (error) {
      const f = formError(t, error);
      if (f.field === 'toStage' || f.field === 'reason') form.setFields([{ name: f.field, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Modal
      open={open}
      title={t('lifecycle.moveTitle')}
      okText={t('lifecycle.move')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'move-stage-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ toStage: targets[0] }}>
        <Form.Item name="toStage" label={t('lifecycle.toStage')} rules={[{ required: true, message: t('lifecycle.toStageRequired') }]}>
          <Select
            data-testid="move-stage-target"
            options={targets.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('lifecycle.reason')}
          rules={[{ required: true, whitespace: true, message: t('lifecycle.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('lifecycle.reasonPlaceholder')} data-testid="move-stage-reason" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} data-testid="move-stage-error" />}
    </Modal>
  );
}
