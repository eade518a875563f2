import { useState } from 'react';
import { App, Button, Card, Flex, Segmented, Select, Space } from 'antd';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { AppstoreOutlined, DownloadOutlined, ImportOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DistributorStage } from '@medchannel/shared-schema';
import { DistributorsDocument, type DistributorsQuery } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { downloadFile, PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { StageTag } from './StageTag';
import { PipelineBoard } from './PipelineBoard';
import { NewProspectModal } from './NewProspectModal';
import { Role } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';

const CREATORS: string[] = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

type Row = DistributorsQuery['distributors']['nodes'][number];

const PAGE_SIZES = [20, 50, 100];

/**
 * Server-paged list. The API pages by keyset cursor, so the page keeps the cursors it has seen:
 * page n starts after the last row of page n-1. Filters live in the URL, so back from a detail
 * page lands on the same search.
 */
export default function DistributorsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const stage = (params.get('stage') as DistributorStage | null) ?? undefined;
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0];
  // Cursors belong to one filter: a new search starts again at page 1 in the same render.
  const filterKey = [search, stage ?? '', size].join('|');
  const pages = useKeysetPages(filterKey);
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  // The export carries the list's current filters, so the workbook holds what the table shows.
  const exportList = async () => {
    const q = new URLSearchParams({ search, stage: stage ?? '', regionId: '' });
    setExporting(true);
    const ok = await downloadFile(`/files/exports/distributors.xlsx?${q}`, 'console', t('distributor.exportFile'));
    setExporting(false);
    if (!ok) void message.error(t('import.exportFailed'));
  };
  const [creating, setCreating] = useState(false);

  const { data, previousData, loading, error, refetch } = useQuery(DistributorsDocument, {
    skip: view === 'board',
    variables: {
      first: size,
      after: pages.after,
      filter: { search: search || undefined, stage },
    },
  });
  const page = (data ?? previousData)?.distributors;

  const columns = [
    {
      title: t('distributor.name'),
      dataIndex: 'name',
      render: (_: unknown, row: Row) => <Link to={`/distributors/${row.id}`}>{row.name}</Link>,
    },
    { title: t('distributor.code'), dataIndex: 'code', width: 140 },
    { title: t('distributor.stage'), dataIndex: 'stage', width: 120, render: (s: string) => <StageTag stage={s} /> },
    { title: t('distributor.tier'), dataIndex: 'tier', width: 100, render: (tier: number) => t('distributor.tierValue', { tier }) },
    { title: t('distributor.region'), key: 'region', width: 140, render: (_: unknown, row: Row) => row.region?.name ?? '—' },
    {
      title: t('distributor.channelManager'),
      key: 'cm',
      width: 140,
      render: (_: unknown, row: Row) => row.channelManager?.displayName ?? '—',
    },
    { title: t('distributor.createdAt'), dataIndex: 'createdAt', width: 130, render: (d: string) => format.date(d) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.distributors')}
        subtitle={t('distributor.listSubtitle')}
        extra={
          <Space wrap>
            <Segmented
              value={view}
              onChange={(value) => setFilter('view', value === 'board' ? 'board' : undefined)}
              data-testid="distributor-view"
              options={[
                { value: 'list', label: t('distributor.viewList'), icon: <UnorderedListOutlined /> },
                { value: 'board', label: t('distributor.viewBoard'), icon: <AppstoreOutlined /> },
              ]}
            />
            {CREATORS.includes(user.role) && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="distributor-export">
                {t('import.export')}
              </Button>
            )}
            {CREATORS.includes(user.role) && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/import?kind=distributors')}>
                {t('nav.import')}
              </Button>
            )}
            {CREATORS.includes(user.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="prospect-open">
                {t('prospect.open')}
              </Button>
            )}
          </Space>
        }
      />
      <NewProspectModal open={creating} onClose={() => setCreating(false)} />
      {view === 'board' ? (
        <PipelineBoard />
      ) : (
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchFilter value={search} onSearch={(value) => setFilter('q', value)} placeholder={t('distributor.searchPlaceholder')} testId="distributor-search" />
          <Select
            allowClear
            value={stage}
            onChange={(value) => setFilter('stage', value)}
            placeholder={t('distributor.allStages')}
            style={{ width: 180 }}
            options={Object.values(DistributorStage).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        </Flex>
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
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
      )}
    </>
  );
}
