import { Progress } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { InvoiceStatus } from '@medchannel/shared-schema';
import { InvoiceStatusTag } from '@medchannel/web-shared/finance';
import { chinaToday, minus, percentOf } from '@medchannel/web-shared/kernel';
import { useLoadMore } from '../../components/LoadMore';
import { AccountInvoicesDocument, type AccountFilter, type AccountInvoicesQuery } from '../../gql/graphql';
import { AccountListCard } from './AccountListCard';
import { useAccountFormat } from './format';

type Row = AccountInvoicesQuery['invoices']['nodes'][number];

/** The brand's invoices to the distributor, newest first: what each came to, what is paid, what is left. */
export function InvoiceList({ filter }: { filter: AccountFilter }) {
  const query = useQuery(AccountInvoicesDocument, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'invoices');
  return (
    <AccountListCard
      query={query}
      pager={pager}
      kind="invoice"
      row={(invoice) => <InvoiceRow key={invoice.id} invoice={invoice} />}
    />
  );
}

/** A VAT rate as the API sends it ("0.1300") as a percentage ("13%"), by moving the point: no float. */
function percent(rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const int = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + 2).replace(/0+$/, '');
  return `${int}${rest ? `.${rest}` : ''}%`;
}

function InvoiceRow({ invoice: i }: { invoice: Row }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  const left = minus(i.grossAmount.amount, i.paidAmount.amount);
  const late = i.status !== InvoiceStatus.PAID && i.dueOn < chinaToday();
  return (
    <div className="pp-item" data-testid="invoice-row" data-number={i.number} data-status={i.status}>
      <div className="pp-row-head">
        <span className="pp-number">{i.number}</span>
        <InvoiceStatusTag status={i.status} />
      </div>
      <div className="pp-row-head" style={{ marginTop: 4 }}>
        <span className="pp-muted">
          {t('invoice.issuedOn', { date: format.date(i.issuedOn) })} ·{' '}
          <span className={late ? 'pa-late' : undefined}>
            {t(late ? 'invoice.lateSince' : 'invoice.dueOn', { date: format.date(i.dueOn) })}
          </span>
        </span>
        <span className="pp-amount">{format.money(i.grossAmount.amount, i.grossAmount.currency)}</span>
      </div>
      <Progress
        percent={percentOf(i.paidAmount.amount, i.grossAmount.amount)}
        size="small"
        showInfo={false}
        aria-label={t('invoice.paidShare')}
      />
      <div className="pp-row-head">
        <span className="pp-muted" data-testid="invoice-paid">
          {t('invoice.paid', { amount: format.money(i.paidAmount.amount, i.paidAmount.currency) })}
        </span>
        <span className="pp-muted" data-testid="invoice-left">
          {t('invoice.left', { amount: format.money(left, i.grossAmount.currency) })}
        </span>
      </div>
      <div className="pp-muted" style={{ marginTop: 2 }}>
        {t('invoice.tax', {
          net: format.money(i.netAmount.amount, i.netAmount.currency),
          tax: format.money(i.taxAmount.amount, i.taxAmount.currency),
          rate: percent(i.taxRate),
        })}
      </div>
    </div>
  );
}
