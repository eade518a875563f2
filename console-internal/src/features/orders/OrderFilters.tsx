import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';
import { ChoiceFilter, FilterBar, useUrlFilters } from '@medchannel/web-shared/components';
import { RegionSelect } from '../../components/RegionSelect';
import { DistributorPicker } from '../../components/DistributorPicker';

const AGES = [1, 3, 7, 14, 30];
const STATUSES = Object.values(OrderStatus);

/** A month as the URL and the API carry it. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The order queue's filters, from the URL (`q`, `status`, `region`, `distributor`, `age`, `month`), as the orders query takes them. */
export function useOrderFilters() {
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is OrderStatus => STATUSES.includes(s as OrderStatus));
  const regionId = params.get('region') ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  const minAgeDays = AGES.includes(Number(params.get('age'))) ? Number(params.get('age')) : undefined;
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : undefined;
  const parts = [search, statuses.join(','), regionId ?? '', distributorId ?? '', minAgeDays ?? '', month ?? ''];
  const key = parts.join('|');
  return {
    search,
    statuses,
    regionId,
    distributorId,
    minAgeDays,
    month,
    setFilter,
    key,
    filtered: parts.some((p) => p !== ''),
    filter: {
      search: search || undefined,
      statuses: statuses.length ? statuses : undefined,
      regionId,
      distributorId,
      minAgeDays,
      month,
    },
  };
}

/** Search, statuses, region, distributor, how long an order has waited and the month it was submitted, each kept in the URL. */
export function OrderFilterBar({ filters }: { filters: ReturnType<typeof useOrderFilters> }) {
  const { t } = useTranslation();
  const { statuses, regionId, distributorId, minAgeDays, month, setFilter } = filters;
  return (
    <FilterBar setFilter={setFilter} placeholder={t('order.searchPlaceholder')} testId="order-search" searchWidth={280}>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={statuses}
        onChange={(value: string[]) => setFilter('status', value.join(',') || undefined)}
        placeholder={t('order.allStatuses')}
        style={{ width: 240 }}
        options={STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        data-testid="order-status-filter"
      />
      <RegionSelect
        value={regionId}
        onChange={(value) => setFilter('region', value)}
        placeholder={t('order.allRegions')}
        style={{ width: 160 }}
        data-testid="order-region"
      />
      <DistributorPicker
        value={distributorId}
        onChange={(id) => setFilter('distributor', id)}
        placeholder={t('order.allDistributors')}
        testId="order-distributor"
      />
      <ChoiceFilter
        name="age"
        value={minAgeDays}
        placeholder={t('order.anyAge')}
        width={150}
        options={AGES.map((days) => ({ value: days, label: t('order.olderThan', { count: days }) }))}
        testId="order-age"
      />
      <DatePicker
        picker="month"
        value={month ? dayjs(`${month}-01`) : null}
        onChange={(value) => setFilter('month', value ? value.format('YYYY-MM') : undefined)}
        placeholder={t('order.anyMonth')}
        data-testid="order-month"
      />
    </FilterBar>
  );
}
