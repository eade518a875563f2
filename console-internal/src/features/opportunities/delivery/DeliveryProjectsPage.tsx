import './strings';
import { Card, Checkbox, Flex, Select, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeliveryStatus } from '@medchannel/shared-schema';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { rowData } from '../../../components/rowData';
import {
  ConsoleDeliveryEngineersDocument,
  ConsoleDeliveryProjectsDocument,
  type ConsoleDeliveryProjectsQuery,
} from '../../../gql/graphql';

const PAGE_SIZE = 20;
type Row = ConsoleDeliveryProjectsQuery['deliveryProjects']['nodes'][number];

/** 交付项目: the projects in scope, server-paged, by status, engineer and overdue milestones; filters in the URL. */
export default function DeliveryProjectsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const status = (params.get('status') as DeliveryStatus | null) ?? undefined;
  const engineerId = params.get('engineer') ?? undefined;
  const overdue = params.get('overdue') === '1' || undefined;
  const pages = useKeysetPages([status, engineerId, overdue].join('|'));
  const filter = { status, engineerId, overdue };
  const { data, previousData, loading, error, refetch } = useQuery(ConsoleDeliveryProjectsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const engineers = useQuery(ConsoleDeliveryEngineersDocument);
  const shown = data ?? previousData;
  const next = (p: Row) => p.milestones.find((m) => !m.doneDate);

  return (
    <>
      <PageHeader title={t('nav.delivery')} subtitle={t('delivery.projectsSubtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={status}
            onChange={(v) => setFilter('status', v)}
            placeholder={t('delivery.allStatuses')}
            style={{ width: 140 }}
            options={Object.values(DeliveryStatus).map((s) => ({ value: s, label: t(`delivery.status.${s}`) }))}
          />
          <Select
            allowClear
            value={engineerId}
            onChange={(v) => setFilter('engineer', v)}
            placeholder={t('delivery.allEngineers')}
            style={{ width: 160 }}
            options={(engineers.data?.deliveryEngineers ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
          <Checkbox
            checked={Boolean(overdue)}
            onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)}
          >
            {t('delivery.onlyOverdue')}
          </Checkbox>
        </Flex>
        <PagedTable<Row>
          list={{ page: shown?.deliveryProjects, loading, error, refetch }}
          pages={pages}
          totalTestId="delivery-total"
          scroll={{ x: 900 }}
          empty={<EmptyState title={t('delivery.empty')} />}
          onRow={(p) => rowData({ 'data-testid': 'delivery-row', 'data-id': p.id })}
          columns={[
            {
              title: t('delivery.hospital'),
              key: 'hospital',
              render: (_, p) => (
                <Link to={`/opportunities/${p.opportunity?.id}`}>{p.opportunity?.hospital?.name ?? '—'}</Link>
              ),
            },
            { title: t('delivery.distributor'), key: 'd', render: (_, p) => p.opportunity?.distributor?.name ?? '—' },
            { title: t('delivery.engineer'), key: 'e', width: 120, render: (_, p) => p.engineer?.displayName ?? '—' },
            {
              title: t('delivery.nextMilestone'),
              key: 'next',
              render: (_, p) => {
                const m = next(p);
                if (!m) return '—';
                return (
                  <Flex gap={4}>
                    {t(`delivery.milestone.${m.kind}`)} {m.plannedDate ?? ''}
                    {m.overdue && <Tag color="red">{t('delivery.overdue')}</Tag>}
                  </Flex>
                );
              },
            },
            {
              title: t('delivery.statusColumn'),
              key: 'status',
              width: 100,
              render: (_, p) => (
                <Tag color={p.status === 'COMPLETED' ? 'green' : 'blue'}>{t(`delivery.status.${p.status}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
