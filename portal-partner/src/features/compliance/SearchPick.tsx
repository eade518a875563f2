import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';

type Option = { id: string; name: string; code?: string };

/** One record searched on the server as one types (a hospital, a product), in a phone-wide select. */
export function SearchPick<Q>({
  document,
  nodes,
  value,
  onChange,
  placeholder,
  testId,
}: {
  document: TypedDocumentNode<Q, { search?: string | null }>;
  nodes: (data: Q) => Option[];
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder: string;
  testId: string;
}) {
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(document, { variables: { search: search.trim() || null } });
  const shown = data ?? previousData;
  const options = (shown ? nodes(shown) : []).map((o) => ({
    value: o.id,
    label: o.code ? `${o.name} · ${o.code}` : o.name,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      size="large"
      value={value}
      loading={loading}
      options={options}
      placeholder={placeholder}
      onChange={(id?: string) => onChange?.(id)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
