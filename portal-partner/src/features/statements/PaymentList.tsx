import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { signOf } from '@medchannel/web-shared/kernel';
import { useLoadMore } from '../../components/LoadMore';
import { AccountPaymentsDocument, type AccountFilter, type AccountPaymentsQuery } from '../../gql/graphql';
import { AccountListCard } from './AccountListCard';
import { useAccountFormat } from './format';

type Row = AccountPaymentsQuery['payments']['nodes'][number];

/** Money the brand has received from the distributor, newest first, and the invoices it settled. */
export function PaymentList({ filter }: { filter: AccountFilter }) {
  const query = useQuery(AccountPaymentsDocument, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'payments');
  return (
    <AccountListCard
      query={query}
      pager={pager}
      kind="payment"
      row={(payment) => <PaymentRow key={payment.id} payment={payment} />}
    />
  );
}

function PaymentRow({ payment: p }: { payment: Row }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  return (
    <div className="pp-item" data-testid="payment-row" data-ref={p.externalRef}>
      <div className="pp-row-head">
        <span className="pp-number">{p.externalRef}</span>
        <span className="pp-amount">{format.money(p.amount.amount, p.amount.currency)}</span>
      </div>
      <div className="pp-muted" style={{ marginTop: 4 }}>
        {format.date(p.receivedOn)} · {t(`paymentMethod.${p.method}`)}
        {p.note && ` · ${p.note}`}
      </div>
      {p.invoices.length > 0 && (
        <div className="pp-item-line" data-testid="payment-invoices">
          <span className="pp-item-label">{t('payment.invoices')}</span>
          {p.invoices.map((i) => i.number).join('、')}
        </div>
      )}
      {signOf(p.unallocated.amount) > 0 && (
        <div className="pp-item-line" data-testid="payment-unallocated">
          <span className="pp-item-label">{t('payment.unallocated')}</span>
          {format.money(p.unallocated.amount, p.unallocated.currency)}
        </div>
      )}
    </div>
  );
}
