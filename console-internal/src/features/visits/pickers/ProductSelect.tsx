import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { VisitProductOptionsDocument } from '../../../gql/graphql';

interface Props {
  value?: Array<{ value: string; label: string }>;
  onChange?: (value: Array<{ value: string; label: string }>) => void;
  placeholder: string;
  testId: string;
}

/** Products to talk about, found on the server by name or code; chosen ones keep their labels. */
export function ProductSelect({ value = [], onChange, placeholder, testId }: Props) {
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(VisitProductOptionsDocument, {
    variables: { search: search || undefined },
  });
  const found = (data ?? previousData)?.products.nodes ?? [];
  return (
    <Select
      mode="multiple"
      labelInValue
      allowClear
      showSearch
      filterOption={false}
      value={value}
      onSearch={setSearch}
      onChange={(v) => {
        setSearch('');
        onChange?.(v.map((o) => ({ value: String(o.value), label: String(o.label) })));
      }}
      loading={loading}
      placeholder={placeholder}
      options={found.map((p) => ({ value: p.id, label: `${p.name} · ${p.code}` }))}
      data-testid={testId}
    />
  );
}
