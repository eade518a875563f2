import { useState } from 'react';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, DistributorStage } from '@medchannel/shared-schema';
import { type DistributorsQuery } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ChoiceFilter, FilterBar } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedTable } from '../../components/PagedTable';
import { StageTag } from '../../components/StageTag';
import { PAGE_SIZES, type useDistributorList } from './useDistributorList';
import { AssignManagerModal, type AssignTarget } from './AssignManagerModal';

type Row = DistributorsQuery['distributors']['nodes'][number];

/**
 * The list view: search and stage filters over the server-paged table. A regional head (or the
 * admin) selects rows, across pages, and gives them all to one channel manager.
 */
export function DistributorsTable({ state }: { state: ReturnType<typeof useDistributorList> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { search, stage, size, pages, setFilter, list } = state;
  const canAssign = can(useCurrentUser().role, 'distributor.assignManager');
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);

  const columns = [
    {
      title: t('distributor.name'),
      dataIndex: 'name',
      render: (_: unknown, row: Row) => <Link to={`/distributors/${row.id}`}>{row.name}</Link>,
    },
    { title: t('distributor.code'), dataIndex: 'code', width: 140 },
    { title: t('distributor.stage'), dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
    {
      title: t('distributor.tier'),
      dataIndex: 'tier',
      width: 100,
      render: (tier: number) => t('distributor.tierValue', { tier }),
    },
    {
      title: t('distributor.region'),
      key: 'region',
      width: 140,
      render: (_: unknown, row: Row) => row.region?.name ?? '—',
    },
    {
      title: t('distributor.channelManager'),
      key: 'cm',
      width: 140,
      render: (_: unknown, row: Row) => row.channelManager?.displayName ?? '—',
    },
    { title: t('distributor.createdAt'), dataIndex: 'createdAt', width: 130, render: (d: string) => format.date(d) },
  ];

  return (
    <Card>
      <FilterBar setFilter={setFilter} placeholder={t('distributor.searchPlaceholder')} testId="distributor-search">
        <ChoiceFilter
          name="stage"
          value={stage}
          placeholder={t('distributor.allStages')}
          width={180}
          options={Object.values(DistributorStage).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        />
      </FilterBar>
      {canAssign && selected.length > 0 && (
        <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }} data-testid="distributor-selection">
          <Typography.Text>{t('channelManager.selected', { count: selected.length })}</Typography.Text>
          <Button
            type="primary"
            icon={<UserSwitchOutlined />}
            onClick={() => setAssigning({ kind: 'many', ids: selected })}
          >
            {t('channelManager.assignSelected')}
          </Button>
          <Button onClick={() => setSelected([])}>{t('channelManager.clearSelection')}</Button>
        </Flex>
      )}
      {canAssign && (
        <AssignManagerModal target={assigning} onClose={() => setAssigning(null)} onDone={() => setSelected([])} />
      )}
      <PagedTable<Row>
        list={list}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys.map(String)),
                getTitleCheckboxProps: () => ({ 'aria-label': t('channelManager.selectPage') }),
                getCheckboxProps: (row) => ({ 'aria-label': t('channelManager.selectRow', { name: row.name }) }),
              }
            : undefined
        }
        pages={pages}
        totalTestId="distributor-total"
        pagerExtra={
          <Select
            size="small"
            value={size}
            onChange={(value) => setFilter('size', String(value))}
            options={PAGE_SIZES.map((n) => ({ value: n, label: t('list.pageSize', { size: n }) }))}
          />
        }
        columns={columns}
        scroll={{ x: 900 }}
        empty={<EmptyState title={search || stage ? t('distributor.noMatch') : t('distributor.none')} />}
      />
    </Card>
  );
}
