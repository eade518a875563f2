// A placed instrument as both apps show it: its months of commitment against reagents sold out,
// its history, and the actions on it (移机, 换机, 归还) with the version read. Loaded with the
// placement screens only; the words come with the components (addPlacementStrings).
export { addPlacementStrings } from './strings';
export { PlacementActionModal, PLACEMENT_ACTIONS, type PlacementAction } from './PlacementActionModal';
export { CommitmentMonths, PlacementHistory } from './PlacementRecord';
export { PlacementDetailDocument, type PlacementDetailQuery } from '../gql/placements/graphql';
