import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import { ErrorState } from '@medchannel/web-shared/states';
import { KeysetPager, useKeysetPages } from './KeysetPager';

export interface PagedTableProps<T> extends Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'locale' | 'rowKey'
> {
  /** The query: its page (current or previous data, so the table does not blink while the next loads) and state */
  list: {
    page: { nodes: T[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined;
    loading: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  pages: ReturnType<typeof useKeysetPages>;
  /** What an empty answer says: nothing yet, or nothing matches the filters */
  empty: ReactNode;
  /** data-testid of the total under the table */
  totalTestId: string;
  /** extra pager controls, e.g. a page-size select */
  pagerExtra?: ReactNode;
}

/**
 * A server-paged list: the error state when the first page fails, else the rows, then the keyset pager.
 * While the next answer loads, the previous rows stay (dimmed) and the list says it is busy
 * (aria-busy): those rows are about to be replaced, so a click on one may land on another.
 */
export function PagedTable<T extends { id: string }>({
  list,
  pages,
  empty,
  totalTestId,
  pagerExtra,
  ...table
}: PagedTableProps<T>) {
  const { page, loading, error, refetch } = list;
  return (
    <div aria-busy={loading} data-testid="paged-list">
      {error && !page ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<T>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={page?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: loading ? ' ' : empty }}
          {...table}
        />
      )}
      <KeysetPager pages={pages} page={page} loading={loading} totalTestId={totalTestId}>
        {pagerExtra}
      </KeysetPager>
    </div>
  );
}
