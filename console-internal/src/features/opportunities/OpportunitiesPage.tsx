import './strings';
import { useState } from 'react';
import { Button, Card, Flex, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPPORTUNITY_STAGES, RegistrationStatus, can, type OpportunityStage } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { DistributorPicker } from '../../components/DistributorPicker';
import { RegionSelect } from '../../components/RegionSelect';
import { rowData } from '../../components/rowData';
import { ConsoleOpportunitiesDocument, type ConsoleOpportunityRowFragment } from '../../gql/graphql';
import { FunnelCard } from './FunnelCard';
import { NewOpportunityModal } from './NewOpportunityModal';
import { ProtectionDays } from './ProtectionDays';
import { RegistrationTag } from './RegistrationTag';

const PAGE_SIZE = 20;

/** 机会点: the pipeline in the viewer's scope, its funnel over the same filters, server-paged; filters in the URL. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const stage = (params.get('stage') as OpportunityStage | null) ?? undefined;
  const registration = (params.get('reg') as RegistrationStatus | null) ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  const regionId = params.get('region') ?? undefined;
  const pages = useKeysetPages([search, stage, registration, distributorId, regionId].join('|'));
  const filter = { search: search || undefined, stage, registration, distributorId, regionId };
  const { data, previousData, loading, error, refetch } = useQuery(ConsoleOpportunitiesDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const shown = data ?? previousData;
  const filtered = Boolean(search || stage || registration || distributorId || regionId);

  return (
    <>
      <PageHeader
        title={t('nav.opportunities')}
        subtitle={t('opportunity.subtitle')}
        extra={
          <Flex gap={12} align="center" wrap>
            {can(user.role, 'opportunity.configure') && shown && (
              <ProtectionDays days={shown.registrationProtectionDays} />
            )}
            {can(user.role, 'opportunity.edit') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="opportunity-new"
              >
                {t('opportunity.new')}
              </Button>
            )}
          </Flex>
        }
      />
      <NewOpportunityModal open={creating} onClose={() => setCreating(false)} />
      {shown && <FunnelCard stages={shown.opportunityFunnel} current={stage} onPick={(s) => setFilter('stage', s)} />}
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchFilter
            value={search}
            onSearch={(v) => setFilter('q', v)}
            placeholder={t('opportunity.searchPlaceholder')}
            testId="opportunity-search"
          />
          <Select
            allowClear
            value={stage}
            onChange={(v) => setFilter('stage', v)}
            placeholder={t('opportunity.allStages')}
            style={{ width: 140 }}
            options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`opportunity.stage.${s}`) }))}
            data-testid="opportunity-stage-filter"
          />
          <Select
            allowClear
            value={registration}
            onChange={(v) => setFilter('reg', v)}
            placeholder={t('opportunity.allRegistrations')}
            style={{ width: 160 }}
            options={Object.values(RegistrationStatus).map((s) => ({
              value: s,
              label: t(`opportunity.registrationStatus.${s}`),
            }))}
            data-testid="opportunity-registration-filter"
          />
          <DistributorPicker
            value={distributorId}
            onChange={(v) => setFilter('distributor', v)}
            placeholder={t('opportunity.allDistributors')}
            testId="opportunity-distributor-filter"
          />
          <RegionSelect
            value={regionId}
            onChange={(v) => setFilter('region', v)}
            placeholder={t('opportunity.allRegions')}
            style={{ width: 160 }}
            data-testid="opportunity-region-filter"
          />
        </Flex>
        <PagedTable<ConsoleOpportunityRowFragment>
          list={{ page: shown?.opportunities, loading, error, refetch }}
          pages={pages}
          totalTestId="opportunity-total"
          scroll={{ x: 1000 }}
          empty={<EmptyState title={filtered ? t('opportunity.noMatch') : t('opportunity.emptyTitle')} />}
          onRow={(o) => rowData({ 'data-testid': 'opportunity-row', 'data-id': o.id })}
          columns={[
            {
              title: t('opportunity.hospital'),
              key: 'hospital',
              render: (_, o) => (
                <Link to={`/opportunities/${o.id}`}>
                  {o.hospital?.name ?? '—'}
                  <Typography.Text type="secondary"> · {o.department?.name}</Typography.Text>
                </Link>
              ),
            },
            { title: t('opportunity.productLine'), key: 'line', width: 120, render: (_, o) => o.productLine?.name },
            {
              title: t('opportunity.stageColumn'),
              key: 'stage',
              width: 110,
              render: (_, o) => (
                <Tag color={o.stage === 'LOST' ? 'default' : 'blue'}>{t(`opportunity.stage.${o.stage}`)}</Tag>
              ),
            },
            {
              title: t('opportunity.value'),
              key: 'value',
              width: 140,
              align: 'right',
              render: (_, o) => format.money(o.estimatedValue),
            },
            { title: t('opportunity.distributor'), key: 'distributor', render: (_, o) => o.distributor?.name ?? '—' },
            { title: t('opportunity.owner'), key: 'owner', width: 100, render: (_, o) => o.owner?.displayName ?? '—' },
            {
              title: t('opportunity.registration'),
              key: 'registration',
              width: 220,
              render: (_, o) => <RegistrationTag registration={o.registration} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
