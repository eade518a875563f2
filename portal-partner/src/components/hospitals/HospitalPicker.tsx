import './strings';
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { PartnerHospitalsDocument, type PartnerHospitalsQuery } from '../../gql/graphql';

export type FoundHospital = PartnerHospitalsQuery['hospitals']['nodes'][number];

/**
 * The search behind a hospital picker: the hospitals found for what is typed (the last answer stays
 * while the next loads), and the one chosen, kept so that its name and departments stay at hand when
 * the search changes.
 */
export function useHospitalSearch() {
  const [search, setSearch] = useState('');
  const query = useQuery(PartnerHospitalsDocument, { variables: { search: search.trim() || null } });
  const found = (query.data ?? query.previousData)?.hospitals.nodes ?? [];
  const [chosen, setChosen] = useState<FoundHospital | null>(null);
  return {
    found,
    loading: query.loading,
    error: query.error,
    setSearch,
    /** takes the choice from the hospitals found; null when cleared */
    choose(id: string | undefined): FoundHospital | null {
      const hospital = found.find((h) => h.id === id) ?? null;
      setChosen(hospital);
      return hospital;
    },
    /** a hospital by id, among those found or the one chosen */
    byId: (id: string | undefined): FoundHospital | null =>
      found.find((h) => h.id === id) ?? (chosen?.id === id ? chosen : null),
  };
}

type HospitalSearch = ReturnType<typeof useHospitalSearch>;

interface SelectProps {
  search: HospitalSearch;
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, hospital: FoundHospital | null) => void;
  /** the chosen hospital when the page knows it already (a cart kept on the device) */
  known?: { id: string; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

/** A hospital select over a search: found on the server as one types, the choice shown by name. */
export function HospitalSelect({ search, id, value, onChange, known, placeholder, allowClear, testId }: SelectProps) {
  const { t } = useTranslation();
  const options = search.found.map((h) => ({ value: h.id, label: h.name }));
  const shown = search.byId(value) ?? (known?.id === value ? known : null);
  if (value && shown && !options.some((o) => o.value === value)) options.unshift({ value, label: shown.name });
  const hint = placeholder ?? t('hospitalPicker.placeholder');
  return (
    <Select
      id={id}
      size="large"
      showSearch={{ filterOption: false, onSearch: search.setSearch }}
      allowClear={allowClear}
      value={value}
      placeholder={hint}
      aria-label={id ? undefined : hint}
      loading={search.loading}
      options={options}
      status={search.error ? 'error' : undefined}
      notFoundContent={search.error ? errorMessage(t, search.error) : t('hospitalPicker.none')}
      onChange={(picked?: string) => onChange?.(picked, search.choose(picked))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** A hospital picker with its own search: a form field (value = the hospital's id) or a page's own state. */
export function HospitalPicker(props: Omit<SelectProps, 'search'>) {
  return <HospitalSelect search={useHospitalSearch()} {...props} />;
}
