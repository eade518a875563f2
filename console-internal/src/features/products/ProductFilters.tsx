import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DeviceClass } from '@medchannel/shared-schema';
import { ChoiceFilter, FilterBar } from '@medchannel/web-shared/components';
import { type useProductList } from './useProductList';

/** The catalogue's filters (search, line, class) and the day whose tier prices the table shows, all in the URL. */
export function ProductFilters({ filters }: { filters: ReturnType<typeof useProductList> }) {
  const { t } = useTranslation();
  const { setFilter, productLineId, deviceClass, on, lines } = filters;
  return (
    <FilterBar setFilter={setFilter} placeholder={t('product.searchPlaceholder')} testId="product-search">
      <ChoiceFilter
        name="line"
        value={productLineId}
        placeholder={t('product.allLines')}
        width={200}
        loading={lines.loading}
        options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
        testId="product-line"
      />
      <ChoiceFilter
        name="class"
        value={deviceClass}
        placeholder={t('product.allClasses')}
        width={160}
        options={Object.values(DeviceClass).map((c) => ({ value: c, label: t('product.classValue', { value: c }) }))}
        testId="product-class"
      />
      <DatePicker
        value={dayjs(on)}
        allowClear={false}
        onChange={(d) => setFilter('on', d?.format('YYYY-MM-DD'))}
        prefix={t('product.priceDay')}
        aria-label={t('product.priceDay')}
        style={{ width: 220 }}
        data-testid="product-price-day"
      />
    </FilterBar>
  );
}
