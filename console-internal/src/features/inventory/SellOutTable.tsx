import { Flex, Input, Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { ExportButton } from '../../components/ExportButton';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { ChannelSellOutDocument, type InventoryFilterOptionsQuery } from '../../gql/graphql';

const PAGE_SIZE = 20;

/** Sell-out (流向) net of returns, per hospital, department and product: by region, product and days; exported with the same filters. */
export function SellOutTable({ options }: { options: InventoryFilterOptionsQuery | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
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
        <Select
          allowClear
          value={regionId}
          onChange={(v) => setFilter('region', v)}
          placeholder={t('channelStock.allRegions')}
          style={{ width: 160 }}
          options={(options?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
          aria-label={t('channelStock.region')}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={productId}
          onChange={(v) => setFilter('product', v)}
          placeholder={t('channelStock.allProducts')}
          style={{ width: 220 }}
          options={(options?.products.nodes ?? []).map((p) => ({ value: p.id, label: p.name }))}
          aria-label={t('channelStock.product')}
        />
        <Input
          type="date"
          value={from ?? ''}
          onChange={(e) => setFilter('from', e.target.value || undefined)}
          aria-label={t('channelStock.from')}
          style={{ width: 170 }}
        />
        <Input
          type="date"
          value={to ?? ''}
          onChange={(e) => setFilter('to', e.target.value || undefined)}
          aria-label={t('channelStock.to')}
          style={{ width: 170 }}
        />
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
          {
            title: t('channelStock.quantity'),
            key: 'q',
            width: 100,
            align: 'right',
            render: (_, x) => format.number(x.quantity),
          },
        ]}
      />
    </>
  );
}
