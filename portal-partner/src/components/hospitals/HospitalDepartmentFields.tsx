import { Form, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { HospitalSelect, useHospitalSearch } from './HospitalPicker';

interface Props<V> {
  form: FormInstance<V>;
  labels: { hospital: string; department: string };
  /** data-testid of the two selects, e.g. "sell-out" → sell-out-hospital, sell-out-department */
  testId?: string;
}

/**
 * Where something goes (a sale, a placed instrument, an opportunity): a hospital found by name on the
 * server, then one of its departments. The fields are the form's hospitalId and departmentId; a new
 * hospital clears the department.
 */
export function HospitalDepartmentFields<V extends { hospitalId?: string; departmentId?: string }>({
  form,
  labels,
  testId,
}: Props<V>) {
  const { t } = useTranslation();
  const search = useHospitalSearch();
  const hospitalId = Form.useWatch('hospitalId', form) as string | undefined;
  const departments = search.byId(hospitalId)?.departments ?? [];
  return (
    <>
      <Form.Item name="hospitalId" label={labels.hospital} rules={[{ required: true }]}>
        <HospitalSelect
          search={search}
          testId={testId && `${testId}-hospital`}
          onChange={() => form.setFieldValue('departmentId' as never, undefined as never)}
        />
      </Form.Item>
      <Form.Item name="departmentId" label={labels.department} rules={[{ required: true }]}>
        <Select
          size="large"
          placeholder={t('hospitalPicker.departmentPlaceholder')}
          disabled={!hospitalId}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          data-testid={testId && `${testId}-department`}
        />
      </Form.Item>
    </>
  );
}
