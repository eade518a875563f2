import './strings';
import { Alert, Form, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  AssignChannelManagerDocument,
  AssignDistributorsToChannelManagerDocument,
  ChannelManagerChoicesDocument,
} from '../../gql/graphql';

/** One distributor at the version the page saw, or many from the list's selection (no versions: a reassignment). */
export type AssignTarget =
  | { kind: 'one'; id: string; name: string; version: number; currentId?: string | null }
  | { kind: 'many'; ids: string[] };

interface Props {
  target: AssignTarget | null;
  onClose: () => void;
  /** Told once the assignment went through (the list clears its selection) */
  onDone?: () => void;
}

/** 指派渠道经理: choose one of the brand's active channel managers; the sentence says what will change. */
export function AssignManagerModal({ target, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const open = target !== null;
  const [form] = Form.useForm<{ userId: string }>();
  const choices = useQuery(ChannelManagerChoicesDocument, { skip: !open });
  const [assignOne, one] = useMutation(AssignChannelManagerDocument);
  const [assignMany, many] = useMutation(AssignDistributorsToChannelManagerDocument);
  const managers = (choices.data?.users.nodes ?? []).filter(
    (u) => u.role === Role.CHANNEL_MANAGER && u.status === 'ACTIVE',
  );
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading: one.loading || many.loading,
    fields: { userId: 'userId', distributorIds: 'userId' },
    send: async ({ userId }) => {
      if (!target) return;
      if (target.kind === 'one')
        await assignOne({ variables: { distributorId: target.id, userId, expectedVersion: target.version } });
      else await assignMany({ variables: { distributorIds: target.ids, userId } });
      onDone?.();
      onClose();
    },
  });
  const count = target?.kind === 'many' ? target.ids.length : 1;

  return (
    <FormModal
      {...shell}
      title={t('channelManager.assignTitle')}
      submitText={t('channelManager.assign')}
      testId="assign-manager"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          target?.kind === 'one'
            ? t('channelManager.assignOne', { name: target.name })
            : t('channelManager.assignMany', { count })
        }
      />
      {choices.error && !choices.data ? (
        <Alert type="error" showIcon title={t('channelManager.choicesFailed')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ userId: target?.kind === 'one' ? (target.currentId ?? undefined) : undefined }}
        >
          <Form.Item
            name="userId"
            label={t('distributor.channelManager')}
            rules={[{ required: true, message: t('channelManager.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={choices.loading}
              placeholder={t('channelManager.placeholder')}
              notFoundContent={choices.loading ? t('channelManager.loading') : t('channelManager.none')}
              options={managers.map((u) => ({
                value: u.id,
                label: [u.displayName, u.regions.map((r) => r.name).join('、')].filter(Boolean).join(' · '),
              }))}
            />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
}
