import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { DeviceClass } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { chinaToday, parseDay } from '@medchannel/web-shared/kernel';
import { ProductLinesDocument, ProductsDocument, type ProductsQuery } from '../../gql/graphql';
import { useKeysetPages } from '../../components/KeysetPager';

export type ProductRow = ProductsQuery['products']['nodes'][number];
const PAGE_SIZE = 20;

/** The catalogue's state: filters in the URL, keyset cursors, the lines and products queries, and which product is open. */
export function useProductList() {
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const productLineId = params.get('line') ?? undefined;
  const deviceClass = (params.get('class') as DeviceClass | null) ?? undefined;
  // the day whose tier prices the table shows: today unless another is chosen
  const on = parseDay(params.get('on')) ?? chinaToday();
  const filterKey = [search, productLineId ?? '', deviceClass ?? ''].join('|');
  const pages = useKeysetPages(filterKey);
  // The id, not the row: the drawer shows the row as the list holds it now (a switch flipped in it shows at once).
  const [openId, setOpenId] = useState<string | null>(null);

  const lines = useQuery(ProductLinesDocument);
  const { data, previousData, loading, error, refetch } = useQuery(ProductsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search || undefined, productLineId, deviceClass },
      on,
    },
  });
  const page = (data ?? previousData)?.products;
  const open = page?.nodes.find((p) => p.id === openId) ?? null;

  return {
    setFilter,
    search,
    productLineId,
    deviceClass,
    on,
    pages,
    lines,
    list: { page, loading, error, refetch },
    open,
    setOpenId,
  };
}
