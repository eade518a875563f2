import './strings';
import { Button, Card, Checkbox, Flex, Segmented, Tag, Typography } from 'antd';
import { ScanOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyStockDocument, type StockLineRowFragment } from '../../gql/graphql';
import { MovementsList } from './MovementsList';

/** 库存: the distributor's lots on hand, soonest expiry first (near expiry flagged), and its movements; phone first. */
export default function InventoryPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const view = params.get('view') === 'movements' ? 'movements' : 'stock';
  return (
    <>
      <PageHeader
        title={t('stock.title')}
        extra={
          <Flex gap={8}>
            <Link to="/inventory/upload">
              <Button icon={<UploadOutlined />}>{t('stock.upload.open')}</Button>
            </Link>
            <Link to="/inventory/sell-out">
              <Button type="primary" icon={<ScanOutlined />} data-testid="stock-scan">
                {t('stock.sellOut')}
              </Button>
            </Link>
          </Flex>
        }
      />
      <Segmented
        block
        value={view}
        onChange={(v) => setFilter('view', v === 'movements' ? 'movements' : undefined)}
        options={[
          { value: 'stock', label: t('stock.onHand') },
          { value: 'movements', label: t('stock.movements') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'stock' ? <StockList /> : <MovementsList />}
    </>
  );
}

function StockList() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const nearExpiry = params.get('near') === '1';
  const query = useQuery(MyStockDocument, { variables: { filter: { nearExpiry: nearExpiry || null } } });
  const pager = useLoadMore(query, 'channelStock');
  return (
    <>
      <Checkbox
        checked={nearExpiry}
        onChange={(e) => setFilter('near', e.target.checked ? '1' : undefined)}
        style={{ marginBottom: 12 }}
      >
        {t('stock.onlyNearExpiry')}
      </Checkbox>
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="stock-list"
          footerTestId="stock"
          row={(x) => <StockRow key={`${x.distributorId}${x.productId}${x.batchNo}${x.serialNo}`} line={x} />}
          empty={<EmptyState title={nearExpiry ? t('stock.noMatch') : t('stock.empty')} />}
        />
      </Card>
    </>
  );
}

function StockRow({ line: x }: { line: StockLineRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pick = new URLSearchParams({ product: x.productId, batch: x.batchNo ?? '', serial: x.serialNo ?? '' });
  return (
    <div className="pp-item" data-testid="stock-row">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {x.productName}
        </Typography.Text>
        <Typography.Text strong data-testid="stock-quantity">
          {format.number(x.quantity)}
        </Typography.Text>
      </Flex>
      <div className="pp-item-line">
        {x.batchNo && `${t('stock.batch')} ${x.batchNo}`}
        {x.serialNo && ` · ${t('stock.serial')} ${x.serialNo}`}
      </div>
      <Flex justify="space-between" align="center" className="pp-item-line" gap={8} wrap>
        <span>
          {x.expiryDate && `${t('stock.expiry')} ${format.date(x.expiryDate)} `}
          {x.expired ? (
            <Tag color="red">{t('stock.expired')}</Tag>
          ) : (
            x.nearExpiry && <Tag color="orange">{t('stock.nearExpiry')}</Tag>
          )}
        </span>
        <span className="pp-muted">{x.distributorName}</span>
        <Link to={`/inventory/sell-out?${pick.toString()}`} data-testid="stock-sell">
          {t('stock.sellOutThis')}
        </Link>
      </Flex>
    </div>
  );
}
