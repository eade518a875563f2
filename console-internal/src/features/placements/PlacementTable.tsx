import { useState } from 'react';
import { Checkbox, Flex, Input, Select, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { PlacementsDocument, type PlacementStatus } from '../../gql/graphql';
import { PlacementDrawer } from './PlacementDrawer';

const PAGE_SIZE = 20;
const STATUSES: PlacementStatus[] = ['PLACED', 'RETURNED'];

/** The placed instruments in scope, newest first: by status, last month's shortfall, and a search. */
export function PlacementTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const status = (params.get('status') as PlacementStatus | null) ?? undefined;
  const search = params.get('q') ?? undefined;
  const shortfall = params.get('short') === '1';
  const [open, setOpen] = useState<string | null>(null);
  const pages = useKeysetPages([status, search, shortfall].join('|'));
  const filter = { status, search, shortfall: shortfall || undefined };
  const { data, previousData, loading, error, refetch } = useQuery(PlacementsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const page = (data ?? previousData)?.placements;
  const filtered = Boolean(status || search || shortfall);
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={search}
          onSearch={(v) => setFilter('q', v.trim() || undefined)}
          placeholder={t('placements.searchPlaceholder')}
          aria-label={t('placements.search')}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          value={status}
          onChange={(v) => setFilter('status', v)}
          placeholder={t('placements.allStatuses')}
          aria-label={t('placements.status')}
          style={{ width: 160 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`placements.statusOptions.${s}`) }))}
        />
        <Checkbox checked={shortfall} onChange={(e) => setFilter('short', e.target.checked ? '1' : undefined)}>
          {t('placements.onlyShortfall')}
        </Checkbox>
      </Flex>
      <PagedTable
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="placements-total"
        scroll={{ x: 1000 }}
        empty={<EmptyState title={filtered ? t('placements.noMatch') : t('placements.empty')} />}
        onRow={(x) => ({
          ...rowData({ 'data-testid': 'placement-row' }),
          onClick: () => setOpen(x.id),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('placements.serial'), key: 's', width: 170, render: (_, x) => x.serialNo },
          { title: t('placements.product'), key: 'p', render: (_, x) => x.productName },
          { title: t('placements.distributor'), key: 'd', render: (_, x) => x.distributorName },
          {
            title: t('placements.place'),
            key: 'h',
            render: (_, x) => (x.hospitalName ? `${x.hospitalName} · ${x.departmentName}` : '—'),
          },
          {
            title: t('placements.commitment'),
            key: 'c',
            width: 200,
            render: (_, x) =>
              t(`placements.per${x.commitmentPeriod}`, {
                quantity: format.number(x.commitmentQuantity),
                line: x.reagentLineName,
              }),
          },
          {
            title: t('placements.status'),
            key: 'st',
            width: 100,
            render: (_, x) => (
              <Tag color={x.status === 'PLACED' ? 'blue' : 'default'}>{t(`placements.statusOptions.${x.status}`)}</Tag>
            ),
          },
        ]}
      />
      <PlacementDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
