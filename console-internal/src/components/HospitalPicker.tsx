import { useState, type CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import { HospitalOptionsDocument } from '../gql/graphql';
import { SearchSelect } from './SearchSelect';

interface Props {
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder: string;
  testId: string;
  /** The chosen hospital's name, when the page knows it (a URL filter, a co-visit's hospital) */
  chosenLabel?: string;
  style?: CSSProperties;
  disabled?: boolean;
}

/** Finds a hospital the viewer may see by name on the server (there are many). */
export function HospitalPicker({
  id,
  value,
  onChange,
  placeholder,
  testId,
  chosenLabel,
  style = { width: '100%' },
  disabled,
}: Props) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const { data, previousData, loading } = useQuery(HospitalOptionsDocument, {
    variables: { search: search || undefined },
  });
  const found = (data ?? previousData)?.hospitals.nodes ?? [];
  const options = found.map((h) => ({ value: h.id, label: h.name }));
  const known = picked?.id === value ? picked?.label : chosenLabel;
  if (value && known && !options.some((o) => o.value === value)) options.unshift({ value, label: known });
  return (
    <SearchSelect
      id={id}
      value={value}
      options={options}
      loading={loading}
      onSearch={setSearch}
      onChange={(id, label) => {
        setPicked(id && label ? { id, label } : null);
        onChange?.(id, label);
      }}
      placeholder={placeholder}
      testId={testId}
      style={style}
      disabled={disabled}
    />
  );
}
