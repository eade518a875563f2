import './strings';
import { Card, Segmented } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { InventoryFilterOptionsDocument } from '../../gql/graphql';
import { SellOutTable } from './SellOutTable';
import { StockTable } from './StockTable';

/** 渠道库存: the channel's stock by distributor, product and batch (near expiry flagged, at any date) and its sell-out (流向). */
export default function ChannelStockPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const view = params.get('view') === 'sellOut' ? 'sellOut' : 'stock';
  const options = useQuery(InventoryFilterOptionsDocument).data;
  return (
    <>
      <PageHeader title={t('nav.inventory')} subtitle={t('channelStock.subtitle')} />
      <Card>
        <Segmented
          value={view}
          onChange={(v) => setFilter('view', v === 'sellOut' ? 'sellOut' : undefined)}
          options={[
            { value: 'stock', label: t('channelStock.stock') },
            { value: 'sellOut', label: t('channelStock.sellOut') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="channel-stock-view"
        />
        {view === 'stock' ? <StockTable options={options} /> : <SellOutTable options={options} />}
      </Card>
    </>
  );
}
