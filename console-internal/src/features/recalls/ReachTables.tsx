import { Segmented, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import { RecallReachDistributorsDocument, RecallReachHospitalsDocument } from '../../gql/graphql';

const PAGE_SIZE = 20;

/** The reached distributors in scope, filtered by acknowledgement: who still has to acknowledge. */
export function ReachDistributorsTable({ recallId }: { recallId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const ack = params.get('ack');
  const acknowledged = ack === 'yes' ? true : ack === 'no' ? false : undefined;
  const pages = useKeysetPages(ack ?? '');
  const { data, previousData, loading, error, refetch } = useQuery(RecallReachDistributorsDocument, {
    variables: { id: recallId, first: PAGE_SIZE, after: pages.after, filter: { acknowledged } },
  });
  const shown = (data ?? previousData)?.recallDistributors;
  const page = shown && { ...shown, nodes: shown.nodes.map((n) => ({ ...n, id: n.distributorId })) };
  return (
    <>
      <Segmented
        value={ack ?? 'all'}
        onChange={(v) => setFilter('ack', v === 'all' ? undefined : String(v))}
        style={{ marginBottom: 16 }}
        data-testid="ack-filter"
        options={[
          { value: 'all', label: t('recall.all') },
          { value: 'no', label: t('recall.notAcknowledged') },
          { value: 'yes', label: t('recall.acknowledged') },
        ]}
      />
      <PagedTable
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="reach-total"
        scroll={{ x: 900 }}
        empty={<EmptyState title={t('recall.noReach')} />}
        onRow={() => rowData({ 'data-testid': 'reach-row' })}
        columns={[
          { title: t('recall.distributor'), key: 'd', render: (_, x) => x.distributorName },
          { title: t('recall.tier'), key: 't', width: 80, render: (_, x) => t('recall.tierValue', { tier: x.tier }) },
          { title: t('recall.received'), key: 'r', width: 80, align: 'right', render: (_, x) => x.received },
          { title: t('recall.held'), key: 'h', width: 80, align: 'right', render: (_, x) => x.held },
          { title: t('recall.transferred'), key: 'm', width: 80, align: 'right', render: (_, x) => x.transferred },
          { title: t('recall.sold'), key: 's', width: 100, align: 'right', render: (_, x) => x.sold },
          {
            title: t('recall.acknowledged'),
            key: 'a',
            width: 240,
            render: (_, x) =>
              x.acknowledgedAt ? (
                <Tag color="green">{`${x.acknowledgedByName ?? ''} · ${format.dateTime(x.acknowledgedAt)}`}</Tag>
              ) : (
                <Tag color="red">{t('recall.pending')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

/** The hospital departments the reached distributors in scope sold the lot to. */
export function ReachHospitalsTable({ recallId }: { recallId: string }) {
  const { t } = useTranslation();
  const pages = useKeysetPages(recallId);
  const { data, previousData, loading, error, refetch } = useQuery(RecallReachHospitalsDocument, {
    variables: { id: recallId, first: PAGE_SIZE, after: pages.after },
  });
  return (
    <PagedTable
      list={{ page: (data ?? previousData)?.recallHospitals, loading, error, refetch }}
      pages={pages}
      totalTestId="reach-hospitals-total"
      scroll={{ x: 700 }}
      empty={<EmptyState title={t('recall.noHospitals')} />}
      onRow={() => rowData({ 'data-testid': 'reach-hospital-row' })}
      columns={[
        { title: t('recall.hospital'), key: 'h', render: (_, x) => x.hospitalName },
        { title: t('recall.department'), key: 'd', width: 140, render: (_, x) => x.departmentName ?? '—' },
        { title: t('recall.distributor'), key: 's', render: (_, x) => x.distributorName },
        { title: t('recall.quantity'), key: 'q', width: 80, align: 'right', render: (_, x) => x.quantity },
      ]}
    />
  );
}
