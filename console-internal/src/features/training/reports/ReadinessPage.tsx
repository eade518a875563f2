import { Card, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { FilterBar, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { TrainingReadinessDocument, type TrainingReadinessQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { rowData } from '../../../components/rowData';
import { PersonCell } from '../PersonCell';
import { ProductLineSelect } from '../ProductLineSelect';

type Row = TrainingReadinessQuery['trainingReadiness']['nodes'][number] & { id: string };
const PAGE_SIZE = 20;

/** 认证情况: distributor staff (within the viewer's regions) with the product lines they hold a valid certificate for, and their training counts. */
export default function ReadinessPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const productLineId = params.get('line') ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  const filterKey = [search, productLineId ?? '', distributorId ?? ''].join('|');
  const pages = useKeysetPages(filterKey);
  const { data, previousData, loading, error, refetch } = useQuery(TrainingReadinessDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, search: search || undefined, productLineId, distributorId },
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.trainingReadiness;
  const page = shown && { ...shown, nodes: shown.nodes.map((n) => ({ ...n, id: n.userId })) };

  return (
    <Card>
      <FilterBar
        setFilter={setFilter}
        placeholder={t('readiness.searchPlaceholder')}
        testId="readiness-search"
        searchWidth={260}
      >
        <ProductLineSelect<string>
          value={productLineId}
          onChange={(value) => setFilter('line', value)}
          placeholder={t('readiness.anyLine')}
          style={{ width: 200 }}
          data-testid="readiness-line"
        />
        <DistributorPicker
          value={distributorId}
          onChange={(id) => setFilter('distributor', id)}
          placeholder={t('training.allDistributors')}
          testId="readiness-distributor"
        />
      </FilterBar>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="readiness-total"
        scroll={{ x: 1000 }}
        data-testid="readiness-table"
        onRow={(r) => rowData({ 'data-person': r.user?.displayName, 'data-distributor': r.distributor?.name })}
        empty={<EmptyState title={filterKey !== '||' ? t('readiness.noMatch') : t('readiness.none')} />}
        columns={[
          {
            title: t('enrollment.person'),
            key: 'person',
            width: 160,
            render: (_, r) => <PersonCell user={r.user} />,
          },
          {
            title: t('training.distributor'),
            key: 'distributor',
            width: 220,
            render: (_, r) => r.distributor?.name ?? '—',
          },
          {
            title: t('readiness.certifiedFor'),
            key: 'lines',
            render: (_, r) =>
              r.certifiedLines.length ? (
                <Space size={[4, 4]} wrap data-testid="readiness-lines">
                  {r.certifiedLines.map((l) => (
                    <Tag
                      key={l.productLineId}
                      color="green"
                      data-testid="readiness-line-tag"
                      data-line={l.productLine?.name}
                    >
                      {t('readiness.lineValue', { line: l.productLine?.name ?? '—', to: format.date(l.validTo) })}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('readiness.noCertificate')}</Typography.Text>
              ),
          },
          {
            title: t('readiness.assigned'),
            key: 'assigned',
            width: 90,
            align: 'right',
            render: (_, r) => format.number(r.assigned),
          },
          {
            title: t('readiness.inProgress'),
            key: 'inProgress',
            width: 90,
            align: 'right',
            render: (_, r) => format.number(r.inProgress),
          },
          {
            title: t('readiness.completed'),
            key: 'completed',
            width: 90,
            align: 'right',
            render: (_, r) => format.number(r.completed),
          },
          {
            title: t('readiness.overdue'),
            key: 'overdue',
            width: 90,
            align: 'right',
            render: (_, r) => (
              <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>{format.number(r.overdue)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
