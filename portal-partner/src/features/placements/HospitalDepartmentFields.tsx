import { useState } from 'react';
import { Form, Select, type FormInstance } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { PlacementHospitalsDocument, type PlacementHospitalsQuery } from '../../gql/graphql';

type Hospitals = PlacementHospitalsQuery['hospitals']['nodes'];

/**
 * Where an instrument stands (placed or moved to): a hospital found by name on the server, then one
 * of its departments. The fields are the form's hospitalId and departmentId.
 */
export function HospitalDepartmentFields<V extends { hospitalId?: string; departmentId?: string }>({
  form,
  labels,
}: {
  form: FormInstance<V>;
  labels: { hospital: string; department: string };
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const places = useQuery(PlacementHospitalsDocument, { variables: { search: search.trim() || null } });
  const hospitalId = Form.useWatch('hospitalId', form) as string | undefined;
  // the list the hospital was chosen from: its departments stay at hand when the search changes
  const [chosenFrom, setChosenFrom] = useState<Hospitals>([]);
  const shown = places.data?.hospitals.nodes ?? chosenFrom;
  const departments = [...shown, ...chosenFrom].find((h) => h.id === hospitalId)?.departments ?? [];
  return (
    <>
      <Form.Item name="hospitalId" label={labels.hospital} rules={[{ required: true }]}>
        <Select
          size="large"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          loading={places.loading}
          notFoundContent={places.error ? errorMessage(t, places.error) : t('placement.noHospital')}
          options={shown.map((h) => ({ value: h.id, label: h.name }))}
          onChange={() => {
            setChosenFrom(shown);
            form.setFieldValue('departmentId' as never, undefined as never);
          }}
        />
      </Form.Item>
      <Form.Item name="departmentId" label={labels.department} rules={[{ required: true }]}>
        <Select
          size="large"
          disabled={!hospitalId}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
    </>
  );
}
