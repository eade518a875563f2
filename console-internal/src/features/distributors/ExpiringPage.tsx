import './strings';
import { Breadcrumb, Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QualificationType } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { ExpiryTag, PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { ExpiringQualificationsDocument, type ExpiringQualificationsQuery } from '../../gql/graphql';
import { RegionSelect } from '../../components/RegionSelect';
import { useRenewalColumn } from './RenewalReview';

type Row = ExpiringQualificationsQuery['expiringQualifications'][number];
const WINDOWS = [7, 30, 60, 90] as const;

/**
 * 资质到期: the documents of the distributors in view that have expired or expire within the
 * window, soonest first (a renewed one no longer shows), narrowed by region and kind; the filters
 * live in the URL, so back from a distributor lands on the same list.
 */
export default function ExpiringPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const within = WINDOWS.find((w) => String(w) === params.get('within')) ?? 60;
  const regionId = params.get('region') ?? undefined;
  const types = (params.get('types')?.split(',') ?? []).filter((x): x is QualificationType =>
    Object.values(QualificationType).includes(x as QualificationType),
  );
  const query = useQuery(ExpiringQualificationsDocument, {
    variables: { withinDays: within, filter: { regionId, types: types.length ? types : undefined } },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (query.data ?? query.previousData)?.expiringQualifications;
  const filtered = Boolean(regionId || types.length);
  const renewalColumn = useRenewalColumn<Row>(() => void query.refetch());

  const columns = [
    {
      title: t('qualification.validTo'),
      key: 'validTo',
      width: 220,
      render: (_: unknown, q: Row) => (
        <Flex gap={6} wrap>
          {q.validTo ? format.date(q.validTo) : '—'}
          <ExpiryTag expiry={q.expiry} />
        </Flex>
      ),
    },
    {
      title: t('expiring.distributor'),
      key: 'distributor',
      render: (_: unknown, q: Row) =>
        q.distributor ? <Link to={`/distributors/${q.distributor.id}`}>{q.distributor.name}</Link> : '—',
    },
    { title: t('qualification.type'), key: 'type', render: (_: unknown, q: Row) => t(`qualType.${q.type}`) },
    { title: t('qualification.number'), dataIndex: 'number' },
    {
      title: t('distributor.region'),
      key: 'region',
      width: 120,
      render: (_: unknown, q: Row) => q.distributor?.region?.name ?? '—',
    },
    {
      title: t('distributor.channelManager'),
      key: 'cm',
      width: 120,
      render: (_: unknown, q: Row) => q.distributor?.channelManager?.displayName ?? '—',
    },
    {
      title: t('qualification.file'),
      key: 'file',
      width: 90,
      render: (_: unknown, q: Row) =>
        q.file ? (
          t('expiring.hasScan')
        ) : (
          <Typography.Text type="secondary">{t('qualification.noFile')}</Typography.Text>
        ),
    },
    renewalColumn,
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/distributors">{t('nav.distributors')}</Link> }, { title: t('expiring.title') }]}
      />
      <PageHeader title={t('expiring.title')} subtitle={t('expiring.subtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={within}
            onChange={(value) => setFilter('within', value === 60 ? undefined : String(value))}
            options={WINDOWS.map((w) => ({ value: w, label: t('expiring.within', { days: w }) }))}
            aria-label={t('expiring.window')}
          />
          <RegionSelect
            value={regionId}
            onChange={(value) => setFilter('region', value)}
            placeholder={t('expiring.allRegions')}
            aria-label={t('distributor.region')}
            style={{ width: 180 }}
          />
          <Select
            mode="multiple"
            allowClear
            value={types}
            onChange={(value: string[]) => setFilter('types', value.join(',') || undefined)}
            placeholder={t('expiring.allTypes')}
            aria-label={t('qualification.type')}
            style={{ minWidth: 240 }}
            options={Object.values(QualificationType).map((q) => ({ value: q, label: t(`qualType.${q}`) }))}
          />
        </Flex>
        {query.error && !rows ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <div data-testid="expiring-list" data-ready={String(Boolean(query.data) && !query.loading)}>
            <Table<Row>
              rowKey="id"
              size="middle"
              loading={query.loading}
              dataSource={rows ?? []}
              pagination={false}
              scroll={{ x: 960 }}
              columns={columns}
              locale={{
                emptyText: query.loading ? (
                  ' '
                ) : (
                  <EmptyState
                    title={t(filtered ? 'expiring.noMatch' : 'expiring.none', { days: within })}
                    description={t('expiring.noneDescription')}
                  />
                ),
              }}
              footer={rows && rows.length >= 200 ? () => t('expiring.capped') : undefined}
            />
          </div>
        )}
      </Card>
    </>
  );
}
