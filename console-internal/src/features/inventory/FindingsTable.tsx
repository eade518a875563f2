import { Flex, Select, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { SelloutFindingKind } from '@medchannel/shared-schema';
import { SelloutFindingsDocument, type InventoryFilterOptionsQuery } from '../../gql/graphql';
import { PickFilter } from './StockFilters';

const PAGE_SIZE = 20;
const KINDS = [SelloutFindingKind.CROSS_TERRITORY, SelloutFindingKind.STOCK_DIFFERENCE];

/** 对账: what the distributors' monthly uploads showed — sales outside their authorizations (窜货) with the batch, and stock that differs. */
export function FindingsTable({ options }: { options: InventoryFilterOptionsQuery | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const kind = KINDS.find((k) => k === params.get('kind'));
  const distributorId = params.get('distributor') ?? undefined;
  const pages = useKeysetPages([kind, distributorId].join('|'));
  const { data, previousData, loading, error, refetch } = useQuery(SelloutFindingsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { kind, distributorId } },
  });
  const page = (data ?? previousData)?.selloutFindings;
  const units = (n: number | null | undefined) => (n === null || n === undefined ? '—' : format.number(n));
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          value={kind}
          onChange={(v) => setFilter('kind', v)}
          placeholder={t('channelStock.allFindings')}
          style={{ width: 180 }}
          options={KINDS.map((k) => ({ value: k, label: t(`channelStock.finding.${k}`) }))}
          aria-label={t('channelStock.findingKind')}
        />
        <PickFilter param="distributor" options={options} value={distributorId} />
      </Flex>
      <PagedTable
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="findings-total"
        scroll={{ x: 1000 }}
        empty={<EmptyState title={kind || distributorId ? t('channelStock.noMatch') : t('channelStock.noFindings')} />}
        onRow={() => rowData({ 'data-testid': 'finding-row' })}
        columns={[
          {
            title: t('channelStock.findingKind'),
            key: 'k',
            width: 120,
            render: (_, x) => (
              <Tag color={x.kind === SelloutFindingKind.CROSS_TERRITORY ? 'red' : 'orange'}>
                {t(`channelStock.finding.${x.kind}`)}
              </Tag>
            ),
          },
          { title: t('channelStock.month'), key: 'm', width: 90, render: (_, x) => x.month },
          { title: t('channelStock.distributor'), key: 'd', render: (_, x) => x.distributorName },
          { title: t('channelStock.product'), key: 'p', render: (_, x) => x.productName },
          { title: t('channelStock.batch'), key: 'b', width: 110, render: (_, x) => x.batchNo },
          { title: t('channelStock.hospital'), key: 'h', render: (_, x) => x.hospitalName ?? '—' },
          {
            title: t('channelStock.soldOn'),
            key: 'o',
            width: 110,
            render: (_, x) => (x.occurredOn ? format.date(x.occurredOn) : '—'),
          },
          {
            title: t('channelStock.quantity'),
            key: 'q',
            width: 80,
            align: 'right',
            render: (_, x) => units(x.quantity),
          },
          {
            title: t('channelStock.reported'),
            key: 'r',
            width: 90,
            align: 'right',
            render: (_, x) => units(x.reported),
          },
          { title: t('channelStock.derived'), key: 'v', width: 90, align: 'right', render: (_, x) => units(x.derived) },
        ]}
      />
    </>
  );
}
