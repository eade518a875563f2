import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { TrialProductOptionsDocument } from '../../../gql/graphql';

/** The product of a trial being planned, picked from the brand's products (Form.Item passes id, value and onChange). */
export function TrialProductSelect(props: { id?: string; value?: string; onChange?: (id: string) => void }) {
  const products = useQuery(TrialProductOptionsDocument);
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      options={(products.data?.products.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.code}` }))}
    />
  );
}
