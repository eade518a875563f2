import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatementStatusTag } from '@medchannel/web-shared/finance';
import { useLoadMore } from '../../components/LoadMore';
import { AccountStatementsDocument, type AccountFilter, type AccountStatementsQuery } from '../../gql/graphql';
import { AccountListCard } from './AccountListCard';
import { useAccountFormat } from './format';

type Row = AccountStatementsQuery['statements']['nodes'][number];

/** The monthly statements in force, newest month first; older versions are reached from a statement. */
export function StatementList({ filter }: { filter: AccountFilter }) {
  const query = useQuery(AccountStatementsDocument, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'statements');
  return (
    <AccountListCard
      query={query}
      pager={pager}
      kind="statement"
      row={(s) => <StatementRow key={s.id} statement={s} />}
    />
  );
}

function StatementRow({ statement: s }: { statement: Row }) {
  const { t } = useTranslation();
  const format = useAccountFormat();
  return (
    <Link
      to={`/statements/${s.id}`}
      className="pp-item pp-row"
      data-testid="statement-row"
      data-period={s.period}
      data-status={s.status}
    >
      <div className="pp-row-head">
        <span className="pp-number">{t('account.statementOf', { month: format.period(s.period) })}</span>
        <StatementStatusTag status={s.status} />
      </div>
      <div className="pp-row-head" style={{ marginTop: 4 }}>
        <span className="pp-muted">{t('statement.closingBalance')}</span>
        <span className="pp-amount">{format.money(s.closingBalance.amount, s.closingBalance.currency)}</span>
      </div>
      <div className="pp-muted" style={{ marginTop: 2 }}>
        {t('account.versionIssued', { version: s.version, date: format.date(s.createdAt) })}
      </div>
    </Link>
  );
}
