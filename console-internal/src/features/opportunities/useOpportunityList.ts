import { useQuery } from '@apollo/client/react';
import type { OpportunityStage, RegistrationStatus } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { useKeysetPages } from '../../components/KeysetPager';
import { ConsoleOpportunitiesDocument } from '../../gql/graphql';

const PAGE_SIZE = 20;

/** The pipeline's filters as the URL holds them, and the page of opportunities (with the funnel) they select. */
export function useOpportunityList() {
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const stage = (params.get('stage') as OpportunityStage | null) ?? undefined;
  const registration = (params.get('reg') as RegistrationStatus | null) ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  const regionId = params.get('region') ?? undefined;
  const pages = useKeysetPages([search, stage, registration, distributorId, regionId].join('|'));
  const filter = { search: search || undefined, stage, registration, distributorId, regionId };
  const { data, previousData, loading, error, refetch } = useQuery(ConsoleOpportunitiesDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  return {
    filters: { search, stage, registration, distributorId, regionId },
    setFilter,
    filtered: Boolean(search || stage || registration || distributorId || regionId),
    pages,
    shown: data ?? previousData,
    loading,
    error,
    refetch,
  };
}

export type OpportunityFilterValues = ReturnType<typeof useOpportunityList>['filters'];
