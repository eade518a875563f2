import { Form, Select, type FormInstance } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { HospitalPicker } from '../../components/HospitalPicker';
import { RelocateDepartmentsDocument } from '../../gql/graphql';

/** Where a placed instrument moves: a hospital the viewer sees, then one of its departments. */
export function RelocateFields<V extends { hospitalId?: string; departmentId?: string }>({
  form,
}: {
  form: FormInstance<V>;
}) {
  const { t } = useTranslation();
  const hospitalId = Form.useWatch('hospitalId', form) as string | undefined;
  const options = useQuery(RelocateDepartmentsDocument, {
    variables: { hospitalId: hospitalId ?? '', withHospital: Boolean(hospitalId) },
    skip: !hospitalId,
  });
  const departments = options.data?.hospital?.departments ?? [];
  return (
    <>
      <Form.Item name="hospitalId" label={t('placementDetail.newHospital')} rules={[{ required: true }]}>
        <HospitalPicker
          placeholder={t('placementDetail.newHospital')}
          testId="placement-hospital"
          onChange={() => form.setFieldValue('departmentId' as never, undefined as never)}
        />
      </Form.Item>
      <Form.Item name="departmentId" label={t('placementDetail.newDepartment')} rules={[{ required: true }]}>
        <Select
          disabled={!hospitalId}
          loading={options.loading}
          notFoundContent={options.error ? t('placementDetail.departmentsFailed') : undefined}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          data-testid="placement-department"
        />
      </Form.Item>
    </>
  );
}
