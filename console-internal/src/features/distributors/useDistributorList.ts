import { useState } from 'react';
import { App } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DistributorStage } from '@medchannel/shared-schema';
import { DistributorsDocument } from '../../gql/graphql';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { downloadFile } from '@medchannel/web-shared/kernel';
import { useKeysetPages } from '../../components/KeysetPager';

export const PAGE_SIZES = [20, 50, 100];

/**
 * The distributor list's state. The API pages by keyset cursor, so the page keeps the cursors it has seen:
 * page n starts after the last row of page n-1. Filters live in the URL, so back from a detail
 * page lands on the same search.
 */
export function useDistributorList() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const stage = (params.get('stage') as DistributorStage | null) ?? undefined;
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0];
  // Cursors belong to one filter: a new search starts again at page 1 in the same render.
  const filterKey = [search, stage ?? '', size].join('|');
  const pages = useKeysetPages(filterKey);
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  // The export carries the list's current filters, so the workbook holds what the table shows.
  const exportList = async () => {
    const q = new URLSearchParams({ search, stage: stage ?? '', regionId: '' });
    setExporting(true);
    const ok = await downloadFile(`/files/exports/distributors.xlsx?${q}`, 'console', t('distributor.exportFile'));
    setExporting(false);
    if (!ok) void message.error(t('import.exportFailed'));
  };

  const { data, previousData, loading, error, refetch } = useQuery(DistributorsDocument, {
    skip: view === 'board',
    variables: {
      first: size,
      after: pages.after,
      filter: { search: search || undefined, stage },
    },
  });
  const page = (data ?? previousData)?.distributors;

  return {
    setFilter,
    search,
    stage,
    size,
    pages,
    view,
    exporting,
    exportList,
    list: { page, loading, error, refetch },
  };
}
