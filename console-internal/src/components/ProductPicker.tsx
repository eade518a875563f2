import { useState, type CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import { ProductOptionsDocument } from '../gql/graphql';
import { SearchSelect } from './SearchSelect';

interface Props {
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
}

/** Finds one product by name or code on the server; shows the chosen one by name. */
export function ProductPicker({ id, value, onChange, placeholder, testId, style = { width: '100%' } }: Props) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const { data, previousData, loading } = useQuery(ProductOptionsDocument, {
    variables: { search: search || undefined },
  });
  const options = ((data ?? previousData)?.products.nodes ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} · ${p.code}`,
  }));
  if (value && picked?.id === value && !options.some((o) => o.value === value))
    options.unshift({ value, label: picked.label });
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
    />
  );
}
