import type { ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { RegionSelect } from '../../components/RegionSelect';
import { DistributorPicker } from '../../components/DistributorPicker';

/** The account lists' region and distributor, from the URL (`region`, `distributor`); they carry across the finance tabs. */
export function useAccountFilter() {
  const { params, setFilter } = useUrlFilters();
  const regionId = params.get('region') ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  return {
    params,
    setFilter,
    filter: { regionId, distributorId },
    key: `${regionId ?? ''}|${distributorId ?? ''}`,
    filtered: Boolean(regionId || distributorId),
  };
}

/** Region and distributor pickers, then the page's own filters and, on the right, its actions. */
export function AccountFilterBar({ children, extra }: { children?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { filter, setFilter } = useAccountFilter();
  return (
    <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <RegionSelect
          value={filter.regionId}
          onChange={(value) => setFilter('region', value)}
          placeholder={t('finance.allRegions')}
          style={{ width: 160 }}
          data-testid="finance-region"
        />
        <DistributorPicker
          value={filter.distributorId}
          onChange={(id) => setFilter('distributor', id)}
          placeholder={t('finance.allDistributors')}
          testId="finance-distributor"
        />
        {children}
      </Flex>
      {extra}
    </Flex>
  );
}

/** To the import screen for a kind the ERP exports (payments, invoices): finance's alternative to typing them in. */
export function ImportLink({ kind }: { kind: 'payments' | 'invoices' }) {
  const { t } = useTranslation();
  return (
    <Link to={`/import?kind=${kind}`}>
      <Button icon={<ImportOutlined />}>{t('finance.importFile')}</Button>
    </Link>
  );
}
