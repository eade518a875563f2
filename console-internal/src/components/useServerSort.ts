import type { SorterResult } from 'antd/es/table/interface';
import { useUrlFilters } from '@medchannel/web-shared/components';

type Order = 'ascend' | 'descend';

/**
 * A table sorted on the server (every page, not the one shown), its choice kept in the URL (`sort`) so a link or a
 * reload keeps it and an export follows it. `columns` names, per sortable column, the list's sort for each direction;
 * with no `sort` in the URL the list's own default shows as `fallback`'s column and direction.
 */
export function useServerSort<S extends string>(
  columns: Record<string, Partial<Record<Order, S>>>,
  fallback: { column: string; order: Order },
) {
  const { params, setFilter } = useUrlFilters();
  const all = Object.values(columns).flatMap((c) => Object.values(c) as S[]);
  const asked = params.get('sort');
  const sort = all.find((s) => s === asked);
  const current = sort
    ? Object.entries(columns).flatMap(([column, orders]) =>
        (Object.keys(orders) as Order[]).filter((o) => orders[o] === sort).map((order) => ({ column, order })),
      )[0]
    : fallback;
  return {
    /** What the list query takes (undefined: its default) */
    sort,
    /** A column's `sortOrder` and `sorter` props */
    column: (key: string) =>
      columns[key]
        ? {
            sorter: true,
            sortOrder: current.column === key ? current.order : null,
            // the directions the list sorts this column in
            sortDirections: (['descend', 'ascend'] as Order[]).filter((o) => columns[key][o]),
          }
        : {},
    /** The table's onChange: a click on a sortable header sorts the whole list again from its first page */
    onChange: <T>(_p: unknown, _f: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(one?.columnKey ?? '');
      const next = one?.order && columns[key] ? columns[key][one.order] : undefined;
      setFilter('sort', next);
    },
  };
}
