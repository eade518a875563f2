import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
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

function StatusTag({ word, color, status }: { word: string; color: string | undefined; status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={color ?? 'default'} data-testid={`${word}-${status}`} style={{ marginInlineEnd: 0 }}>
      {t(`${word}.${status}`)}
    </Tag>
  );
}

/** `statementStatus.*`; `statementStatus-<STATUS>` for tests. */
export function StatementStatusTag({ status }: { status: string }) {
  return <StatusTag word="statementStatus" color={STATEMENT[status as StatementStatus]} status={status} />;
}

/** `disputeStatus.*`: open, adjusted by an entry, or kept with a reason. */
export function DisputeStatusTag({ status }: { status: string }) {
  return <StatusTag word="disputeStatus" color={DISPUTE[status as DisputeStatus]} status={status} />;
}

/** `invoiceStatus.*`, from what payments have settled. */
export function InvoiceStatusTag({ status }: { status: string }) {
  return <StatusTag word="invoiceStatus" color={INVOICE[status as InvoiceStatus]} status={status} />;
}
