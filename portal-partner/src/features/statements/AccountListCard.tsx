import type { ReactNode } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, type Pager } from '../../components/LoadMore';

interface Props<N> {
  query: { data?: unknown; error?: unknown; refetch: () => unknown };
  pager: Pager<{ totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: N[] }>;
  /** statement, invoice or payment: names the test ids (`<kind>-list`, `<kind>s-more`) and the empty state's words */
  kind: 'statement' | 'invoice' | 'payment';
  row: (node: N) => ReactNode;
}

/** One of the account's server-paged lists in its card: loading, failed, empty (in the account's words), or rows with "load more". */
export function AccountListCard<N>({ query, pager, kind, row }: Props<N>) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId={`${kind}-list`}
        footerTestId={`${kind}s`}
        row={row}
        empty={<EmptyState title={t(`account.empty.${kind}`)} description={t(`account.empty.${kind}Text`)} />}
      />
    </Card>
  );
}
