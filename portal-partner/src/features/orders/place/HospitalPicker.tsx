import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { OrderHospitalsDocument } from '../../../gql/graphql';

/** The hospitals the distributor's authorizations cover (the API decides), searched on the server as one types. */
export function HospitalPicker({
  value,
  onChange,
}: {
  value: { id: string; name: string } | null;
  onChange: (hospital: { id: string; name: string } | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, previousData, loading, error } = useQuery(OrderHospitalsDocument, {
    variables: { search: search.trim() || null },
  });
  const hospitals = (data ?? previousData)?.hospitals.nodes ?? [];
  const options = hospitals.map((h) => ({ value: h.id, label: h.name }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value?.id}
      placeholder={t('cart.hospitalPlaceholder')}
      aria-label={t('cart.hospitalPlaceholder')}
      loading={loading}
      options={options}
      status={error ? 'error' : undefined}
      notFoundContent={error ? errorMessage(t, error) : t('cart.noHospital')}
      onChange={(id?: string) => {
        const picked = options.find((o) => o.value === id);
        onChange(picked ? { id: picked.value, name: picked.label } : null);
      }}
      style={{ width: '100%' }}
      data-testid="hospital-select"
    />
  );
}
