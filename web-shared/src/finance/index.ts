// Accounts, as both apps show them: statement, dispute and invoice statuses, ledger entry kinds,
// payment methods, and exact money arithmetic. Loaded with account screens only, never in the
// first load. An app's account screens call addFinanceStrings() (once) before they render.
export { addFinanceStrings } from './strings';
export { DisputeStatusTag, InvoiceStatusTag, StatementStatusTag } from './FinanceTags';
export { StatementChangesCard, type StatementChangesView } from './StatementChangesCard';
export { absolute, fromCents, runningTotals, signOf, sum, toCents } from '../app/money';
