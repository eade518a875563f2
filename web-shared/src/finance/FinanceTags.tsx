import { WordTag } from '../components/StatusTags';
import { DisputeStatus, InvoiceStatus, StatementStatus } from '@medchannel/shared-schema';
import { addFinanceStrings } from './strings';

addFinanceStrings();

const STATEMENT: Record<StatementStatus, string> = {
  [StatementStatus.ISSUED]: 'processing',
  [StatementStatus.CONFIRMED]: 'green',
  [StatementStatus.DISPUTED]: 'orange',
  [StatementStatus.SUPERSEDED]: 'default',
};

const DISPUTE: Record<DisputeStatus, string> = {
  [DisputeStatus.OPEN]: 'orange',
  [DisputeStatus.ADJUSTED]: 'green',
  [DisputeStatus.REJECTED]: 'default',
};

const INVOICE: Record<InvoiceStatus, string> = {
  [InvoiceStatus.ISSUED]: 'processing',
  [InvoiceStatus.PARTIALLY_PAID]: 'gold',
  [InvoiceStatus.PAID]: 'green',
};

/** `statementStatus.*`; `statementStatus-<STATUS>` for tests. */
export function StatementStatusTag({ status }: { status: string }) {
  return <WordTag word="statementStatus" color={STATEMENT[status as StatementStatus]} value={status} />;
}

/** `disputeStatus.*`: open, adjusted by an entry, or kept with a reason. */
export function DisputeStatusTag({ status }: { status: string }) {
  return <WordTag word="disputeStatus" color={DISPUTE[status as DisputeStatus]} value={status} />;
}

/** `invoiceStatus.*`, from what payments have settled. */
export function InvoiceStatusTag({ status }: { status: string }) {
  return <WordTag word="invoiceStatus" color={INVOICE[status as InvoiceStatus]} value={status} />;
}
