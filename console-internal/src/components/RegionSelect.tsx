import { Select, type SelectProps } from 'antd';
import { useQuery } from '@apollo/client/react';
import { RegionsDocument, type RegionsQuery } from '../gql/graphql';

type Region = RegionsQuery['regions'][number];

/** Provinces as groups, each offering itself and its cities: a province covers its cities. */
export function regionOptions(regions: readonly Region[]) {
  return regions
    .filter((r) => r.level === 'PROVINCE')
    .map((p) => ({
      label: p.name,
      options: [p, ...regions.filter((r) => r.parentId === p.id)].map((r) => ({ value: r.id, label: r.name })),
    }));
}

/** A searchable province/city picker over the regions the viewer may see. */
export function RegionSelect(props: Omit<SelectProps<string>, 'options'>) {
  const regions = useQuery(RegionsDocument);
  return (
    <Select<string>
      allowClear
      showSearch
      optionFilterProp="label"
      loading={regions.loading}
      options={regionOptions(regions.data?.regions ?? [])}
      {...props}
    />
  );
}
