import { Checkbox, Flex, Input, Select, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { ChannelStockDocument, type InventoryFilterOptionsQuery } from '../../gql/graphql';

const PAGE_SIZE = 20;

/** Lots on hand in scope, soonest expiry first: by distributor and product, near expiry only, at a past date. */
export function StockTable({ options }: { options: InventoryFilterOptionsQuery | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const distributorId = params.get('distributor') ?? undefined;
  const productId = params.get('product') ?? undefined;
  const nearExpiry = params.get('near') === '1';
  const asOf = params.get('asOf') ?? undefined;
  const pages = useKeysetPages([distributorId, productId, nearExpiry, asOf].join('|'));
  const filter = { distributorId, productId, nearExpiry: nearExpiry || undefined, asOf };
  const { data, previousData, loading, error, refetch } = useQuery(ChannelStockDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const shown = (data ?? previousData)?.channelStock;
  const page = shown && {
    ...shown,
    nodes: shown.nodes.map((n) => ({ ...n, id: `${n.distributorId}/${n.productId}/${n.batchNo}/${n.serialNo}` })),
  };
  const filtered = Boolean(distributorId || productId || nearExpiry || asOf);
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={distributorId}
          onChange={(v) => setFilter('distributor', v)}
          placeholder={t('channelStock.allDistributors')}
          style={{ width: 220 }}
          options={(options?.distributors.nodes ?? []).map((d) => ({ value: d.id, label: d.name }))}
          aria-label={t('channelStock.distributor')}
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
          value={asOf ?? ''}
          onChange={(e) => setFilter('asOf', e.target.value || undefined)}
          aria-label={t('channelStock.asOf')}
          style={{ width: 170 }}
        />
        <Checkbox checked={nearExpiry} onChange={(e) => setFilter('near', e.target.checked ? '1' : undefined)}>
          {t('channelStock.onlyNearExpiry')}
        </Checkbox>
      </Flex>
      <PagedTable
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="channel-stock-total"
        scroll={{ x: 900 }}
        empty={<EmptyState title={filtered ? t('channelStock.noMatch') : t('channelStock.empty')} />}
        onRow={() => rowData({ 'data-testid': 'channel-stock-row' })}
        columns={[
          { title: t('channelStock.distributor'), key: 'd', render: (_, x) => x.distributorName },
          { title: t('channelStock.product'), key: 'p', render: (_, x) => x.productName },
          { title: t('channelStock.batch'), key: 'b', width: 120, render: (_, x) => x.batchNo ?? '—' },
          { title: t('channelStock.serial'), key: 's', width: 150, render: (_, x) => x.serialNo ?? '—' },
          {
            title: t('channelStock.expiry'),
            key: 'e',
            width: 190,
            render: (_, x) => (
              <>
                {x.expiryDate ? format.date(x.expiryDate) : '—'}{' '}
                {x.expired ? (
                  <Tag color="red">{t('channelStock.expired')}</Tag>
                ) : (
                  x.nearExpiry && <Tag color="orange">{t('channelStock.nearExpiry')}</Tag>
                )}
              </>
            ),
          },
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
