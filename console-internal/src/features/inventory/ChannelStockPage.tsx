import './strings';
import { Card, Segmented } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { InventoryFilterOptionsDocument } from '../../gql/graphql';
import { SellOutTable } from './SellOutTable';
import { StockTable } from './StockTable';
import { FindingsTable } from './FindingsTable';

const VIEWS = ['stock', 'sellOut', 'findings'] as const;

/** 渠道库存: the channel's stock by distributor, product and batch (near expiry flagged, at any date) and its sell-out (流向), and reconciliation's findings (窜货, stock differences). */
export default function ChannelStockPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'stock';
  const options = useQuery(InventoryFilterOptionsDocument).data;
  return (
    <>
      <PageHeader title={t('nav.inventory')} subtitle={t('channelStock.subtitle')} />
      <Card>
        <Segmented
          value={view}
          onChange={(v) => setFilter('view', v === 'stock' ? undefined : v)}
          options={[
            { value: 'stock', label: t('channelStock.stock') },
            { value: 'sellOut', label: t('channelStock.sellOut') },
            { value: 'findings', label: t('channelStock.findings') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="channel-stock-view"
        />
        {view === 'stock' && <StockTable options={options} />}
        {view === 'sellOut' && <SellOutTable options={options} />}
        {view === 'findings' && <FindingsTable options={options} />}
      </Card>
    </>
  );
}
