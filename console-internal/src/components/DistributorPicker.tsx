import { useState, type CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import { DistributorOptionsDocument } from '../gql/graphql';
import { SearchSelect } from './SearchSelect';

interface Props {
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  /** Optional inside a Form.Item, which passes its own; the label ("name · code") for lists that show what was picked */
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder: string;
  /** data-testid of the select; "order-distributor" on the order desk */
  testId?: string;
  style?: CSSProperties;
  disabled?: boolean;
}

/** Finds a distributor by name or code on the server (the list can be long); shows the chosen one by name. */
export function DistributorPicker({
  id,
  value,
  onChange,
  placeholder,
  testId = 'distributor-picker',
  style = { width: 220 },
  disabled,
}: Props) {
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(DistributorOptionsDocument, {
    variables: { search: search || undefined, withChosen: !!value, chosenId: value ?? '' },
  });
  const shown = data ?? previousData;
  const found = shown?.distributors.nodes ?? [];
  const chosen = shown?.chosen && !found.some((d) => d.id === shown.chosen?.id) ? [shown.chosen] : [];
  return (
    <SearchSelect
      id={id}
      value={value}
      options={[...chosen, ...found].map((d) => ({ value: d.id, label: `${d.name} · ${d.code}` }))}
      loading={loading}
      onSearch={setSearch}
      onChange={onChange}
      placeholder={placeholder}
      testId={testId}
      style={style}
      disabled={disabled}
    />
  );
}
