import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PlanCoVisitHospitalsDocument } from '../../../gql/graphql';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/** The hospitals the distributor's authorizations cover today, searched by name as the partner types. */
export function HospitalPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useQuery(PlanCoVisitHospitalsDocument, {
    variables: { search: search.trim() || null },
    fetchPolicy: 'cache-and-network',
  });
  const options = (query.data?.hospitals.nodes ?? []).map((h) => ({ value: h.id, label: h.name }));
  return (
    <Select
      id={id}
      size="large"
      showSearch
      filterOption={false}
      onSearch={setSearch}
      value={value}
      onChange={onChange}
      options={options}
      loading={query.loading}
      placeholder={t('visits.plan.hospitalPlaceholder')}
      notFoundContent={t(
        query.error
          ? 'visits.plan.hospitalsFailed'
          : query.loading
            ? 'visits.plan.searching'
            : 'visits.plan.noHospital',
      )}
      data-testid="plan-hospital"
    />
  );
}
