import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_STAGES, RegistrationStatus } from '@medchannel/shared-schema';
import { SearchFilter } from '@medchannel/web-shared/components';
import { addOpportunityStrings } from '@medchannel/web-shared/opportunities';
import { DistributorPicker } from '../../components/DistributorPicker';
import { RegionSelect } from '../../components/RegionSelect';
import type { OpportunityFilterValues } from './useOpportunityList';

// the registration statuses' words are web-shared's
addOpportunityStrings();

/** The pipeline's filters: text, stage, registration, distributor and region, each kept in the URL. */
export function OpportunityFilters({
  filters: { search, stage, registration, distributorId, regionId },
  setFilter,
}: {
  filters: OpportunityFilterValues;
  setFilter: (key: string, value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <SearchFilter
        value={search}
        onSearch={(v) => setFilter('q', v)}
        placeholder={t('opportunity.searchPlaceholder')}
        testId="opportunity-search"
      />
      <Select
        allowClear
        value={stage}
        onChange={(v) => setFilter('stage', v)}
        placeholder={t('opportunity.allStages')}
        style={{ width: 140 }}
        options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))}
        data-testid="opportunity-stage-filter"
      />
      <Select
        allowClear
        value={registration}
        onChange={(v) => setFilter('reg', v)}
        placeholder={t('opportunity.allRegistrations')}
        style={{ width: 160 }}
        options={Object.values(RegistrationStatus).map((s) => ({
          value: s,
          label: t(`opportunity.registrationStatus.${s}`),
        }))}
        data-testid="opportunity-registration-filter"
      />
      <DistributorPicker
        value={distributorId}
        onChange={(v) => setFilter('distributor', v)}
        placeholder={t('opportunity.allDistributors')}
        testId="opportunity-distributor-filter"
      />
      <RegionSelect
        value={regionId}
        onChange={(v) => setFilter('region', v)}
        placeholder={t('opportunity.allRegions')}
        style={{ width: 160 }}
        data-testid="opportunity-region-filter"
      />
    </Flex>
  );
}
