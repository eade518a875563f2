import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { SearchFilter } from '@medchannel/web-shared/components';
import { useSecondTier } from '../../components/useSecondTier';

interface Props {
  search: string;
  status: string;
  company: string;
  setFilter: (name: string, value: string | undefined) => void;
}

/** Search, status and, for an owner with a second tier, whose orders (his company's or one second-tier's). */
export function OrderFilters({ search, status, company, setFilter }: Props) {
  const { t } = useTranslation();
  const own = useCurrentUser().distributor;
  const secondTier = useSecondTier();
  return (
    <div className="po-filters">
      <SearchFilter
        value={search}
        onSearch={(v) => setFilter('q', v)}
        placeholder={t('orders.searchPlaceholder')}
        testId="order-search"
        maxWidth={9999}
      />
      <Select
        value={status}
        onChange={(v) => setFilter('status', v || undefined)}
        options={[
          { value: '', label: t('orders.allStatuses') },
          ...Object.values(OrderStatus).map((s) => ({ value: s, label: t(`orderStatus.${s}`) })),
        ]}
        // every status in one list at the 44 px rows (issue 23), none hidden below the fold of the list
        listHeight={(Object.values(OrderStatus).length + 1) * 44 + 8}
        data-testid="order-status-filter"
        aria-label={t('orders.statusFilter')}
      />
      {own && secondTier.length > 0 && (
        <Select
          value={company}
          onChange={(v) => setFilter('company', v || undefined)}
          options={[
            { value: '', label: t('orders.allCompanies') },
            { value: own.id, label: own.name },
            ...secondTier.map((d) => ({ value: d.id, label: t('company.secondTierOf', { name: d.name }) })),
          ]}
          data-testid="order-company-filter"
          aria-label={t('orders.companyFilter')}
        />
      )}
    </div>
  );
}
