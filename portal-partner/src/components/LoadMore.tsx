import { useState, type ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import type { OperationVariables } from '@apollo/client';
import type { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: unknown[];
}

export interface Pager<C extends Connection = Connection> {
  page: C | undefined;
  busy: boolean;
  error: unknown;
  more: () => Promise<void>;
}

/**
 * "Load more" over a keyset-paged connection, as a phone scrolls: the next page is asked for with
 * the last `endCursor` and appended to the cached result (page 1 again after a filter changes).
 * The query must take `$after`; `field` names its connection (`orders`, `catalog`, …).
 */
export function useLoadMore<K extends string, TData extends { [P in K]: Connection }, TVars extends OperationVariables>(
  query: useQuery.Result<TData, TVars>,
  field: K,
): Pager<TData[K]> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const page = (query.data as TData | undefined)?.[field];
  const more = async () => {
    if (!page?.pageInfo.hasNextPage || busy) return;
    setBusy(true);
    setError(null);
    try {
      await query.fetchMore({
        variables: { after: page.pageInfo.endCursor } as unknown as Partial<TVars>,
        updateQuery: (prev, { fetchMoreResult }) => {
          const next = (fetchMoreResult as TData)[field];
          const nodes = [...(prev as TData)[field].nodes, ...next.nodes];
          return { ...fetchMoreResult, [field]: { ...next, nodes } } as typeof fetchMoreResult;
        },
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { page, busy, error, more };
}

/** The list's footer: how many of how many, and the button for the next page while there is one. */
function LoadMoreFooter({ pager, testId }: { pager: Pager; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { page, busy, error, more } = pager;
  if (!page) return null;
  return (
    <Flex vertical align="center" gap={8} style={{ padding: '12px 0 4px' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-count`}>
        {t('list.shown', { shown: format.number(page.nodes.length), total: format.number(page.totalCount) })}
      </Typography.Text>
      {error != null && <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>}
      {page.pageInfo.hasNextPage && (
        <Button block loading={busy} onClick={() => void more()} data-testid={`${testId}-more`}>
          {t('list.more')}
        </Button>
      )}
    </Flex>
  );
}

interface PagedListProps<N> {
  query: { data?: unknown; error?: unknown; refetch: () => unknown };
  pager: Pager<Connection & { nodes: N[] }>;
  /** What an empty page says (it differs with and without filters) */
  empty: ReactNode;
  /** data-testid of the list, and of its footer (whose count and button are `<footerTestId>-count`, `-more`) */
  testId: string;
  footerTestId: string;
  row: (node: N) => ReactNode;
}

/** A server-paged list on a phone: loading, failed (with retry), empty, or the rows and "load more". */
export function PagedList<N>({ query, pager, empty, testId, footerTestId, row }: PagedListProps<N>) {
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!pager.page) return <LoadingState />;
  if (pager.page.nodes.length === 0) return <>{empty}</>;
  return (
    <>
      <div className="pp-list" data-testid={testId}>
        {pager.page.nodes.map(row)}
      </div>
      <LoadMoreFooter pager={pager} testId={footerTestId} />
    </>
  );
}
