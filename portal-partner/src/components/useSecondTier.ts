import { useQuery } from '@apollo/client/react';
import { MySecondTierDocument } from '../gql/graphql';

/** The second-tier distributors below the viewer's company (none for most): an owner reads their orders and accounts too. */
export function useSecondTier() {
  const { data } = useQuery(MySecondTierDocument);
  return data?.me.distributor?.secondTier ?? [];
}
