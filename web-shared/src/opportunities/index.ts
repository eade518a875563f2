// Opportunities as both apps show them: the registration tag; 试用 and 招标: the trial card (plan, deliver, extend,
// return, cancel, the agreement), the trial status tag, a new tender and a bid quote. Loaded with
// the opportunity screens only; the words come with the components (addOpportunityStrings).
export { addOpportunityStrings } from './strings';
export { TrialCard } from './TrialCard';
export { RegistrationTag } from './RegistrationTag';
export { TrialStatusTag } from './TrialStatusTag';
export { NewTenderModal } from './NewTenderModal';
export { QuoteModal } from './QuoteModal';
export { TenderLetters } from './TenderLetters';
export { AMOUNT } from './amount';
export {
  SubmitTenderDocument,
  TendersDocument,
  TrialsDocument,
  type TenderDetailFragment,
  type TrialDetailFragment,
} from '../gql/opportunities/graphql';
