import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_STAGES, RegistrationStatus } from '@medchannel/shared-schema';
import { ChoiceFilter, FilterBar } from '@medchannel/web-shared/components';
import { addOpportunityStrings } from '@medchannel/web-shared/opportunities';
import { DistributorPicker } from '../../components/DistributorPicker';
import { RegionSelect } from '../../components/RegionSelect';
import type { OpportunityFilterValues } from './useOpportunityList';

// the registration statuses' words are web-shared's
addOpportunityStrings();

/** The pipeline's filters: text, stage, registration, distributor and region, each kept in the URL. */
export function OpportunityFilters({
  filters: { stage, registration, distributorId, regionId },
  setFilter,
}: {
  filters: OpportunityFilterValues;
  setFilter: (key: string, value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterBar setFilter={setFilter} placeholder={t('opportunity.searchPlaceholder')} testId="opportunity-search">
      <ChoiceFilter
        name="stage"
        value={stage}
        placeholder={t('opportunity.allStages')}
        width={140}
        options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))}
        testId="opportunity-stage-filter"
      />
      <ChoiceFilter
        name="reg"
        value={registration}
        placeholder={t('opportunity.allRegistrations')}
        width={160}
        options={Object.values(RegistrationStatus).map((s) => ({
          value: s,
          label: t(`opportunity.registrationStatus.${s}`),
        }))}
        testId="opportunity-registration-filter"
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
    </FilterBar>
  );
}
