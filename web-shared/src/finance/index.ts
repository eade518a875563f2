// Accounts, as both apps show them: statement, dispute and invoice statuses, ledger entry kinds,
// payment methods (exact money arithmetic is the kernel's). Loaded with account screens only, never in the
// first load. An app's account screens call addFinanceStrings() (once) before they render.
export { addFinanceStrings } from './strings';
export { DisputeStatusTag, InvoiceStatusTag, StatementStatusTag } from './FinanceTags';
export { StatementChangesCard } from './StatementChangesCard';
export { DisputeEvidence } from './DisputeEvidence';
export { useStatementDownloads } from './StatementDownloads';
