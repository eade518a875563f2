import { Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { ExportButton } from '../../components/ExportButton';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { ChannelSellOutDocument, type ChannelSellOutQuery, type InventoryFilterOptionsQuery } from '../../gql/graphql';
import { DateFilter, PickFilter, useQuantityColumn } from './StockFilters';

const PAGE_SIZE = 20;

type SellOutRow = ChannelSellOutQuery['sellOut']['nodes'][number] & { id: string };

/** Sell-out (流向) net of returns, per hospital, department and product: by region, product and days; exported with the same filters. */
export function SellOutTable({ options }: { options: InventoryFilterOptionsQuery | undefined }) {
  const { t } = useTranslation();
  const quantity = useQuantityColumn<SellOutRow>();
  const { params } = useUrlFilters();
  const regionId = params.get('region') ?? undefined;
  const productId = params.get('product') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const pages = useKeysetPages([regionId, productId, from, to].join('|'));
  const { data, previousData, loading, error, refetch } = useQuery(ChannelSellOutDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { regionId, productId, from, to } },
  });
  const shown = (data ?? previousData)?.sellOut;
  const page = shown && {
    ...shown,
    nodes: shown.nodes.map((n) => ({ ...n, id: `${n.hospitalId}/${n.departmentId}/${n.productId}` })),
  };
  const filtered = Boolean(regionId || productId || from || to);
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <PickFilter param="region" options={options} value={regionId} />
        <PickFilter param="product" options={options} value={productId} />
        <DateFilter param="from" value={from} label={t('channelStock.from')} />
        <DateFilter param="to" value={to} label={t('channelStock.to')} />
        <ExportButton kind="sellOut" />
      </Flex>
      <PagedTable
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="sell-out-total"
        scroll={{ x: 800 }}
        empty={<EmptyState title={filtered ? t('channelStock.noMatch') : t('channelStock.noSellOut')} />}
        onRow={() => rowData({ 'data-testid': 'sell-out-row' })}
        columns={[
          { title: t('channelStock.hospital'), key: 'h', render: (_, x) => x.hospitalName },
          { title: t('channelStock.region'), key: 'r', width: 120, render: (_, x) => x.regionName ?? '—' },
          { title: t('channelStock.department'), key: 'd', width: 160, render: (_, x) => x.departmentName ?? '—' },
          { title: t('channelStock.product'), key: 'p', render: (_, x) => x.productName },
          quantity,
        ]}
      />
    </>
  );
}
