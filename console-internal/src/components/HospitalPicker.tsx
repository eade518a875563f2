import type { CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import { HospitalOptionsDocument } from '../gql/graphql';
import { SearchSelect } from './SearchSelect';
import { useSearchPick } from './useSearchPick';

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
  const pick = useSearchPick(value, onChange);
  const { data, previousData, loading } = useQuery(HospitalOptionsDocument, {
    variables: { search: pick.search || undefined },
  });
  const found = (data ?? previousData)?.hospitals.nodes ?? [];
  const options = pick.withChosen(
    found.map((h) => ({ value: h.id, label: h.name })),
    chosenLabel,
  );
  return (
    <SearchSelect
      id={id}
      value={value}
      options={options}
      loading={loading}
      onSearch={pick.setSearch}
      onChange={pick.onChange}
      placeholder={placeholder}
      testId={testId}
      style={style}
      disabled={disabled}
    />
  );
}
