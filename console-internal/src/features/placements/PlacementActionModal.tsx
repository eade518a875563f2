import { Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  RelocatePlacementDocument,
  ReplacePlacementInstrumentDocument,
  ReturnPlacementDocument,
} from '../../gql/graphql';
import { RelocateFields } from './RelocateFields';

/** 移机, 换机, 归还: what can happen to a placed instrument. */
export type PlacementAction = 'relocate' | 'replace' | 'return';

interface Values {
  hospitalId?: string;
  departmentId?: string;
  serialNo?: string;
  occurredOn: string;
  note?: string;
}

const ERRORS = { prefix: 'placements.error', reload: ['PlacementDetail', 'Placements'] };
const RELOAD = ['PlacementDetail', 'Placements'];

/**
 * One action on a placed instrument, confirmed in a modal: the new hospital department, the new
 * serial, or the return; the day it happened (not in the future) and a note. The version read with
 * the drawer goes along, so a placement someone changed meanwhile is refused and reloaded.
 */
export function PlacementActionModal(props: {
  placement: { id: string; version: number };
  action: PlacementAction | null;
  onClose: () => void;
}) {
  const { placement, action, onClose } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [relocate, relocating] = useMutation(RelocatePlacementDocument, { refetchQueries: RELOAD });
  const [replace, replacing] = useMutation(ReplacePlacementInstrumentDocument, { refetchQueries: RELOAD });
  const [giveBack, returning] = useMutation(ReturnPlacementDocument, { refetchQueries: RELOAD });
  const loading = relocating.loading || replacing.loading || returning.loading;
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: Boolean(action),
    onClose,
    loading,
    errors: ERRORS,
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
  const title = action ? t(`placements.action.${action}`) : '';
  return (
    <FormModal {...shell} title={title} submitText={title} testId="placement-action">
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={clearFailure}
        initialValues={{ occurredOn: chinaToday() }}
      >
        {action === 'relocate' && <RelocateFields form={form} />}
        {action === 'replace' && (
          <Form.Item name="serialNo" label={t('placements.newSerial')} rules={[{ required: true, max: 64 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="occurredOn" label={t('placements.occurredOn')} rules={[{ required: true }]}>
          <Input type="date" max={chinaToday()} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t(action === 'replace' ? 'placements.reason' : 'placements.note')}
          rules={[{ required: action === 'replace', max: 500 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {action === 'return' && <div className="mc-muted">{t('placements.returnHint')}</div>}
      </Form>
    </FormModal>
  );
}
