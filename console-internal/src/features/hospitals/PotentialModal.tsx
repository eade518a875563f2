import { Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, parseCents, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  SetDepartmentPotentialDocument,
  type HospitalDepartmentRowFragment,
  type PotentialRowFragment,
} from '../../gql/graphql';

export interface PotentialEdit {
  hospitalId: string;
  beds: number | null;
  departments: HospitalDepartmentRowFragment[];
  lines: Array<{ id: string; name: string }>;
  /** the potential edited (its next version); none for a new department × line */
  current?: PotentialRowFragment;
}

interface Values {
  departmentId: string;
  productLineId: string;
  beds: number;
  yearlyVolume: number;
  usagePerProcedure: string;
  consumableUnitPrice: string;
  bedsPerEquipment: number;
  equipmentUnitPrice: string;
  equipmentLifeYears: number;
  note?: string;
}

const FIELDS = [
  'departmentId',
  'productLineId',
  'beds',
  'yearlyVolume',
  'usagePerProcedure',
  'consumableUnitPrice',
  'bedsPerEquipment',
  'equipmentUnitPrice',
  'equipmentLifeYears',
  'note',
] as const;
const USAGE = /^\d{1,8}(\.\d{1,4})?$/;

/** A department's potential assumptions for a line, saved as the next version (the earlier ones stay). */
export function PotentialModal({ editing, onClose }: { editing: PotentialEdit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [save, saving] = useMutation(SetDepartmentPotentialDocument, { refetchQueries: ['HospitalPotential'] });
  const open = editing !== null;
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading: saving.loading,
    errors: { reload: ['HospitalPotential'] },
    fields: [...FIELDS],
    send: async (v, requestKey) => {
      await save({
        variables: {
          input: {
            ...v,
            usagePerProcedure: v.usagePerProcedure.trim(),
            consumableUnitPrice: v.consumableUnitPrice.trim(),
            equipmentUnitPrice: v.equipmentUnitPrice.trim(),
            note: v.note?.trim() || null,
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });
  const c = editing?.current;
  const initial: Partial<Values> = c
    ? {
        departmentId: c.departmentId,
        productLineId: c.productLine?.id,
        beds: c.beds,
        yearlyVolume: c.yearlyVolume,
        usagePerProcedure: c.usagePerProcedure,
        consumableUnitPrice: c.consumableUnitPrice.amount,
        bedsPerEquipment: c.bedsPerEquipment,
        equipmentUnitPrice: c.equipmentUnitPrice.amount,
        equipmentLifeYears: c.equipmentLifeYears,
      }
    : { beds: editing?.beds ?? undefined, yearlyVolume: editing?.departments[0]?.yearlyVolume ?? undefined };
  const required = { required: true, message: t('potential.required') };
  const amount = {
    validator: (_: unknown, value?: string) =>
      value && parseCents(value.trim()) !== null ? Promise.resolve() : Promise.reject(new Error(t('potential.amount'))),
  };
  const whole = (name: keyof Values, label: string, min: number, max: number) => (
    <Form.Item name={name} label={label} rules={[required]}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <FormModal
      {...shell}
      title={c ? t('potential.editTitle') : t('potential.addTitle')}
      submitText={t('action.save')}
      testId="potential-form"
    >
      <Form<Values> {...formProps} initialValues={initial}>
        <Form.Item name="departmentId" label={t('potential.department')} rules={[required]}>
          <Select disabled={!!c} options={editing?.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="productLineId" label={t('potential.line')} rules={[required]}>
          <Select disabled={!!c} options={editing?.lines.map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
        {whole('beds', t('potential.beds'), 0, 100000)}
        {whole('yearlyVolume', t('potential.yearlyVolume'), 0, 100000000)}
        <Form.Item
          name="usagePerProcedure"
          label={t('potential.usage')}
          rules={[required, { pattern: USAGE, message: t('potential.usageFormat') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="consumableUnitPrice" label={t('potential.consumablePrice')} rules={[amount]}>
          <Input inputMode="decimal" />
        </Form.Item>
        {whole('bedsPerEquipment', t('potential.bedsPer'), 1, 100000)}
        <Form.Item name="equipmentUnitPrice" label={t('potential.equipmentPrice')} rules={[amount]}>
          <Input inputMode="decimal" />
        </Form.Item>
        {whole('equipmentLifeYears', t('potential.life'), 1, 30)}
        <Form.Item name="note" label={t('potential.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
