import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { OrderDistributorOptionsDocument } from '../../gql/graphql';

interface Props {
  value?: string;
  onChange: (id: string | undefined) => void;
  placeholder: string;
}

/** Finds a distributor by name or code on the server (the list can be long); shows the chosen one by name. */
export function DistributorPicker({ value, onChange, placeholder }: Props) {
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(OrderDistributorOptionsDocument, {
    variables: { search: search || undefined, withChosen: !!value, chosenId: value ?? '' },
  });
  const shown = data ?? previousData;
  const found = shown?.distributors.nodes ?? [];
  const chosen = shown?.chosen && !found.some((d) => d.id === shown.chosen?.id) ? [shown.chosen] : [];
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      value={value}
      onSearch={setSearch}
      onChange={(id) => {
        setSearch('');
        onChange(id);
      }}
      loading={loading}
      placeholder={placeholder}
      style={{ width: 220 }}
      options={[...chosen, ...found].map((d) => ({ value: d.id, label: `${d.name} · ${d.code}` }))}
      data-testid="order-distributor"
    />
  );
}
