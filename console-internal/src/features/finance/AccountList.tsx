import { useState, type ReactNode } from 'react';
import { Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { can } from '@medchannel/shared-schema';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable, type PagedTableProps } from '../../components/PagedTable';
import { AccountFilterBar, ImportLink, useAccountFilter } from './AccountFilters';

const PAGE_SIZE = 20;

/**
 * An account list's state (invoices, payments): the filters from the URL, the keyset page, the
 * variables its query takes, whether the viewer keeps the accounts, and whether the drawer that
 * adds one is open.
 */
export function useAccountList() {
  const user = useCurrentUser();
  const account = useAccountFilter();
  const pages = useKeysetPages(account.key);
  const [adding, setAdding] = useState(false);
  return {
    ...account,
    pages,
    variables: { first: PAGE_SIZE, after: pages.after, filter: account.filter },
    keeper: can(user.role, 'finance.keepAccounts'),
    adding,
    setAdding,
  };
}

interface Props<T> extends Omit<PagedTableProps<T>, 'pages' | 'empty'> {
  account: ReturnType<typeof useAccountList>;
  /** What the ERP import screen takes for this list */
  kind: 'invoices' | 'payments';
  /** The keeper's button that opens the drawer: its icon, words and test id */
  add: { icon: ReactNode; label: string; testId: string };
  /** What the list says when there is nothing yet (a filter that matches nothing says so itself) */
  none: { title: string; description: string };
  /** The keeper's drawer, open while `account.adding` */
  drawer: ReactNode;
  /** The keeper's other actions on the account, before the add button (and what they open) */
  more?: ReactNode;
}

/** The account filters with the import link and the add button on the right, the server-paged rows, the drawer. */
export function AccountList<T extends { id: string }>({ account, kind, add, none, drawer, more, ...table }: Props<T>) {
  const { t } = useTranslation();
  const { filtered, keeper } = account;
  return (
    <Card>
      <AccountFilterBar
        extra={
          keeper && (
            <Space>
              <ImportLink kind={kind} />
              {more}
              <Button type="primary" icon={add.icon} onClick={() => account.setAdding(true)} data-testid={add.testId}>
                {add.label}
              </Button>
            </Space>
          )
        }
      />
      <PagedTable<T>
        pages={account.pages}
        empty={
          <EmptyState
            title={filtered ? t('finance.noMatch') : none.title}
            description={filtered ? undefined : none.description}
          />
        }
        {...table}
      />
      {keeper && drawer}
    </Card>
  );
}
