import type { CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import { ProductOptionsDocument } from '../gql/graphql';
import { SearchSelect } from './SearchSelect';
import { useSearchPick } from './useSearchPick';

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
  const pick = useSearchPick(value, onChange);
  const { data, previousData, loading } = useQuery(ProductOptionsDocument, {
    variables: { search: pick.search || undefined },
  });
  const options = pick.withChosen(
    ((data ?? previousData)?.products.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.code}` })),
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
    />
  );
}
