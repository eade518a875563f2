import { Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { VolumeKind } from '@medchannel/shared-schema';
import { FormModal } from '@medchannel/web-shared/kernel';
import {
  AddHospitalDepartmentDocument,
  UpdateHospitalDepartmentDocument,
  type HospitalDepartmentRowFragment,
} from '../../gql/graphql';
import { useHospitalPartForm } from './useHospitalPartForm';

interface Values {
  name: string;
  yearlyVolume?: number | null;
  volumeKind?: VolumeKind | null;
}

/** A department added to the hospital, or one renamed or given this year's volume. */
export function DepartmentModal({
  hospitalId,
  department,
  open,
  onClose,
}: {
  hospitalId: string;
  /** the department edited; none to add one */
  department?: HospitalDepartmentRowFragment;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [add, added] = useMutation(AddHospitalDepartmentDocument);
  const [update, updated] = useMutation(UpdateHospitalDepartmentDocument);
  const { shell, formProps } = useHospitalPartForm<Values>({
    open,
    onClose,
    loading: added.loading || updated.loading,
    fields: ['name', 'yearlyVolume', 'volumeKind'],
    send: async (v) => {
      const input = {
        name: v.name.trim(),
        yearlyVolume: v.yearlyVolume ?? undefined,
        volumeKind: v.volumeKind ?? undefined,
      };
      if (department) await update({ variables: { id: department.id, input, expectedVersion: department.version } });
      else await add({ variables: { hospitalId, input } });
    },
  });

  return (
    <FormModal
      {...shell}
      title={department ? t('hospital.editDepartment') : t('hospital.addDepartment')}
      submitText={t('action.save')}
      testId="department-form"
    >
      <Form<Values> {...formProps} initialValues={department ?? {}}>
        <Form.Item
          name="name"
          label={t('hospital.departmentName')}
          rules={[{ required: true, whitespace: true, message: t('hospital.departmentRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="yearlyVolume" label={t('hospital.yearlyVolume')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="volumeKind" label={t('hospital.volumeKind')}>
          <Select
            allowClear
            options={Object.values(VolumeKind).map((k) => ({ value: k, label: t(`volumeKind.${k}`) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
