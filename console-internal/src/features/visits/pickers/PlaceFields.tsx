import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HospitalPicker } from '../../../components/HospitalPicker';

/** The hospital a plan or a note picked: its departments and the contacts met there. */
interface Place {
  departments: { id: string; name: string }[];
  contacts: { id: string; name: string; title?: string | null; retiredOn?: string | null }[];
}

/** The hospital, required; picking another clears the department and contacts chosen at the last one. */
export function HospitalField({ testId, chosenLabel }: { testId: string; chosenLabel?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item
      name="hospitalId"
      label={t('visit.hospital')}
      rules={[{ required: true, message: t('visit.hospitalRequired') }]}
    >
      <HospitalPicker
        placeholder={t('visit.hospitalSearch')}
        testId={testId}
        chosenLabel={chosenLabel}
        onChange={(id) => form.setFieldsValue({ hospitalId: id, departmentId: undefined, contactIds: [] })}
      />
    </Form.Item>
  );
}

/** The hospital's department, once a hospital is picked. */
export function DepartmentField({ hospital, testId }: { hospital: Place | null | undefined; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="departmentId" label={t('visit.department')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        disabled={!hospital}
        options={hospital?.departments.map((d) => ({ value: d.id, label: d.name }))}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** The hospital's people met (name · title), once a hospital is picked. */
export function ContactsField({ hospital, testId }: { hospital: Place | null | undefined; testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="contactIds" label={t('visit.contacts')}>
      <Select
        mode="multiple"
        allowClear
        optionFilterProp="label"
        disabled={!hospital}
        // one who left the hospital is met no more
        options={hospital?.contacts
          .filter((c) => !c.retiredOn)
          .map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
        data-testid={testId}
      />
    </Form.Item>
  );
}
