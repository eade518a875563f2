import type { ReactNode } from 'react';
import { Form, Input, Typography, type FormInstance } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, chinaToday, useFormSubmit } from '../kernel';
import {
  RelocatePlacementDocument,
  ReplacePlacementInstrumentDocument,
  ReturnPlacementDocument,
} from '../gql/placements/graphql';
import { addPlacementStrings } from './strings';

/** 移机, 换机, 归还: what can happen to a placed instrument. */
export type PlacementAction = 'relocate' | 'replace' | 'return';
export const PLACEMENT_ACTIONS: readonly PlacementAction[] = ['relocate', 'replace', 'return'];

export interface PlacementActionValues {
  hospitalId?: string;
  departmentId?: string;
  serialNo?: string;
  occurredOn: string;
  note?: string;
}

/**
 * One action on a placed instrument, confirmed in a modal: the new hospital department, the new
 * serial, or the return; the day it happened (not in the future) and a note. The version read with
 * the record goes along, so a placement someone changed meanwhile is refused and reloaded (a retry
 * of the same request is refused the same way: nothing happens twice). Each app brings its own
 * hospital and department fields (`relocateFields`, named hospitalId and departmentId) and names
 * the queries that show the placement (`reload`).
 */
export function PlacementActionModal(props: {
  placement: { id: string; version: number };
  action: PlacementAction | null;
  onClose: () => void;
  reload: string[];
  relocateFields: (form: FormInstance<PlacementActionValues>) => ReactNode;
  size?: 'large';
}) {
  addPlacementStrings();
  const { placement, action, onClose, reload } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<PlacementActionValues>();
  const refetch = { refetchQueries: reload, awaitRefetchQueries: true };
  const [relocate, relocating] = useMutation(RelocatePlacementDocument, refetch);
  const [replace, replacing] = useMutation(ReplacePlacementInstrumentDocument, refetch);
  const [giveBack, returning] = useMutation(ReturnPlacementDocument, refetch);
  const { shell, formProps } = useFormSubmit<PlacementActionValues>({
    form,
    open: Boolean(action),
    onClose,
    loading: relocating.loading || replacing.loading || returning.loading,
    errors: { prefix: 'placementDetail.error', reload },
    fields: ['hospitalId', 'departmentId', 'serialNo', 'occurredOn', 'note'],
    send: async (v) => {
      const id = placement.id;
      const input = { expectedVersion: placement.version, occurredOn: v.occurredOn };
      const note = v.note?.trim() || null;
      if (action === 'relocate')
        await relocate({
          variables: {
            id,
            input: { ...input, hospitalId: v.hospitalId ?? '', departmentId: v.departmentId ?? '', note },
          },
        });
      if (action === 'replace')
        await replace({ variables: { id, input: { ...input, serialNo: v.serialNo ?? '', note: note ?? '' } } });
      if (action === 'return') await giveBack({ variables: { id, input: { ...input, note } } });
      onClose();
    },
  });
  const title = action ? t(`placementDetail.action.${action}`) : '';
  const size = props.size;
  return (
    <FormModal {...shell} title={title} submitText={title} testId="placement-action">
      <Form<PlacementActionValues> {...formProps} initialValues={{ occurredOn: chinaToday() }}>
        {action === 'relocate' && props.relocateFields(form)}
        {action === 'replace' && (
          <Form.Item name="serialNo" label={t('placementDetail.newSerial')} rules={[{ required: true, max: 64 }]}>
            <Input size={size} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="occurredOn" label={t('placementDetail.occurredOn')} rules={[{ required: true }]}>
          <Input size={size} type="date" max={chinaToday()} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t(action === 'replace' ? 'placementDetail.reason' : 'placementDetail.note')}
          rules={[{ required: action === 'replace', max: 500 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {action === 'return' && <Typography.Text type="secondary">{t('placementDetail.returnHint')}</Typography.Text>}
      </Form>
    </FormModal>
  );
}
