import { Input, Select } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import type { InventoryFilterOptionsQuery } from '../../gql/graphql';

type Options = InventoryFilterOptionsQuery | undefined;

/** The pickers of the channel-stock tabs, each the URL parameter of its name; typing narrows the long lists. */
const PICKERS = {
  distributor: {
    items: (o: Options) => o?.distributors.nodes,
    all: 'channelStock.allDistributors',
    label: 'channelStock.distributor',
    width: 220,
    search: true,
  },
  product: {
    items: (o: Options) => o?.products.nodes,
    all: 'channelStock.allProducts',
    label: 'channelStock.product',
    width: 220,
    search: true,
  },
  region: {
    items: (o: Options) => o?.regions,
    all: 'channelStock.allRegions',
    label: 'channelStock.region',
    width: 160,
    search: false,
  },
} as const;

interface PickFilterProps {
  param: keyof typeof PICKERS;
  options: Options;
  /** the URL's value of the filter */
  value: string | undefined;
}

/** A filter picking one distributor, product or region; cleared, the filter is off. */
export function PickFilter({ param, options, value }: PickFilterProps) {
  const { t } = useTranslation();
  const { setFilter } = useUrlFilters();
  const picker = PICKERS[param];
  return (
    <Select
      allowClear
      showSearch={picker.search ? { optionFilterProp: 'label' } : undefined}
      value={value}
      onChange={(v) => setFilter(param, v)}
      placeholder={t(picker.all)}
      style={{ width: picker.width }}
      options={(picker.items(options) ?? []).map((x) => ({ value: x.id, label: x.name }))}
      aria-label={t(picker.label)}
    />
  );
}

/** A date filter (URL `param`, YYYY-MM-DD); emptied, the filter is off. */
export function DateFilter({ param, value, label }: { param: string; value: string | undefined; label: string }) {
  const { setFilter } = useUrlFilters();
  return (
    <Input
      type="date"
      value={value ?? ''}
      onChange={(e) => setFilter(param, e.target.value || undefined)}
      aria-label={label}
      style={{ width: 170 }}
    />
  );
}

/** The units column (right-aligned, formatted) of the stock and sell-out tables. */
export function useQuantityColumn<T extends { quantity: number }>(): ColumnType<T> {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    title: t('channelStock.quantity'),
    key: 'q',
    width: 100,
    align: 'right',
    render: (_, x) => format.number(x.quantity),
  };
}
