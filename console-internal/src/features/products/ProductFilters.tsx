import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DeviceClass } from '@medchannel/shared-schema';
import { SearchFilter } from '@medchannel/web-shared/components';
import { type useProductList } from './useProductList';

/** The catalogue's filters (search, line, class) and the day whose tier prices the table shows, all in the URL. */
export function ProductFilters({ filters }: { filters: ReturnType<typeof useProductList> }) {
  const { t } = useTranslation();
  const { setFilter, search, productLineId, deviceClass, on, lines } = filters;
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <SearchFilter
        value={search}
        onSearch={(value) => setFilter('q', value)}
        placeholder={t('product.searchPlaceholder')}
        testId="product-search"
      />
      <Select
        allowClear
        value={productLineId}
        onChange={(value) => setFilter('line', value)}
        placeholder={t('product.allLines')}
        style={{ width: 200 }}
        loading={lines.loading}
        options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
        data-testid="product-line"
      />
      <Select
        allowClear
        value={deviceClass}
        onChange={(value) => setFilter('class', value)}
        placeholder={t('product.allClasses')}
        style={{ width: 160 }}
        options={Object.values(DeviceClass).map((c) => ({
          value: c,
          label: t('product.classValue', { value: c }),
        }))}
        data-testid="product-class"
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
    </Flex>
  );
}
