import type { ReactNode } from 'react';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountCreditKind } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { DateRangeFilter } from '../../../components/DateRangeFilter';

const KINDS = Object.values(AccountCreditKind) as string[];

/** The credits list's filters from the URL: `distributor` (carried across the finance tabs), `kind`, `from`/`to`. */
export function useCreditFilter() {
  const { params, setFilter } = useUrlFilters();
  const kind = params.get('kind');
  const filter = {
    distributorId: params.get('distributor') ?? undefined,
    kind: kind && KINDS.includes(kind) ? (kind as AccountCreditKind) : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  return {
    filter,
    setFilter,
    key: [filter.distributorId, filter.kind, filter.from, filter.to].join('|'),
    filtered: Object.values(filter).some(Boolean),
  };
}

/** Distributor, kind and days, then (on the right) the keeper's actions. */
export function CreditFilterBar({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const { filter, setFilter } = useCreditFilter();
  return (
    <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <DistributorPicker
          value={filter.distributorId}
          onChange={(id) => setFilter('distributor', id)}
          placeholder={t('finance.allDistributors')}
          testId="credit-filter-distributor"
        />
        <Select
          allowClear
          value={filter.kind}
          onChange={(v?: string) => setFilter('kind', v)}
          placeholder={t('credit.allKinds')}
          options={KINDS.map((k) => ({ value: k, label: t(`ledgerKind.${k}`) }))}
          style={{ width: 140 }}
          data-testid="credit-filter-kind"
        />
        <DateRangeFilter testId="credit-filter-dates" />
      </Flex>
      {extra}
    </Flex>
  );
}
