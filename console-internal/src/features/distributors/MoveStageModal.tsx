import { Form, Input, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DistributorStage, STAGE_TRANSITIONS } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
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
  const targets = STAGE_TRANSITIONS[distributor.stage as DistributorStage] ?? [];
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    fields: ['toStage', 'reason'],
    send: async (values) => {
      await move({ variables: { distributorId: distributor.id, expectedVersion: distributor.version, ...values } });
      form.resetFields();
      onClose();
    },
  });

  return (
    <FormModal {...shell} title={t('lifecycle.moveTitle')} submitText={t('lifecycle.move')} testId="move-stage">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ toStage: targets[0] }}>
        <Form.Item
          name="toStage"
          label={t('lifecycle.toStage')}
          rules={[{ required: true, message: t('lifecycle.toStageRequired') }]}
        >
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
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('lifecycle.reasonPlaceholder')}
            data-testid="move-stage-reason"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
