import { Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { StocktakeDiscrepanciesDocument } from '../../gql/graphql';

const PAGE_SIZE = 20;

/** A campaign's discrepancies: instruments not found or elsewhere, batches counted unlike their stock. */
export function DiscrepancyTable({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = useKeysetPages(campaignId);
  const { data, previousData, loading, error, refetch } = useQuery(StocktakeDiscrepanciesDocument, {
    variables: { campaignId, first: PAGE_SIZE, after: pages.after },
  });
  const page = (data ?? previousData)?.stocktakeDiscrepancies;
  return (
    <PagedTable
      list={{ page, loading, error, refetch }}
      pages={pages}
      totalTestId="discrepancies-total"
      empty={<EmptyState title={t('placements.noDiscrepancy')} />}
      columns={[
        {
          title: t('placements.discrepancy'),
          key: 'k',
          width: 130,
          render: (_, d) => <Tag color="red">{t(`placements.discrepancyKind.${d.kind}`)}</Tag>,
        },
        { title: t('placements.distributor'), key: 'd', render: (_, d) => d.distributorName },
        { title: t('placements.product'), key: 'p', render: (_, d) => d.productName },
        {
          title: t('placements.what'),
          key: 'w',
          render: (_, d) =>
            d.kind === 'COUNT_DIFFERS'
              ? t('placements.countDiffers', {
                  batch: d.batchNo ?? '—',
                  counted: format.number(d.counted ?? 0),
                  derived: format.number(d.derived ?? 0),
                })
              : `${d.serialNo} · ${d.placeName ?? '—'}${d.foundAt ? ` → ${d.foundAt}` : ''}`,
        },
      ]}
    />
  );
}
