import { Select, type SelectProps } from 'antd';
import { useQuery } from '@apollo/client/react';
import { ProductLinesDocument } from '../../gql/graphql';

/** The brand's product lines to pick from (one, or several with mode="multiple"), searchable by name. */
export function ProductLineSelect<V extends string | string[]>(props: Omit<SelectProps<V>, 'options' | 'loading'>) {
  const lines = useQuery(ProductLinesDocument);
  return (
    <Select<V>
      allowClear
      optionFilterProp="label"
      loading={lines.loading}
      options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
      {...props}
    />
  );
}
