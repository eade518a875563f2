import { Checkbox, Flex, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { ChannelStockDocument, type ChannelStockQuery, type InventoryFilterOptionsQuery } from '../../gql/graphql';
import { DateFilter, PickFilter, useQuantityColumn } from './StockFilters';

const PAGE_SIZE = 20;

type StockLine = ChannelStockQuery['channelStock']['nodes'][number] & { id: string };

/** Lots on hand in scope, soonest expiry first: by distributor and product, near expiry only, at a past date. */
export function StockTable({ options }: { options: InventoryFilterOptionsQuery | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const quantity = useQuantityColumn<StockLine>();
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
        <PickFilter param="distributor" options={options} value={distributorId} />
        <PickFilter param="product" options={options} value={productId} />
        <DateFilter param="asOf" value={asOf} label={t('channelStock.asOf')} />
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
          quantity,
        ]}
      />
    </>
  );
}
