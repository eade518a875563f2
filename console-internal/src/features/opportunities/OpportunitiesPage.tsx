import './strings';
import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import type { ConsoleOpportunityRowFragment } from '../../gql/graphql';
import { FunnelCard } from './FunnelCard';
import { NewOpportunityModal } from './NewOpportunityModal';
import { OpportunityFilters } from './OpportunityFilters';
import { ProtectionDays } from './ProtectionDays';
import { RegistrationTag } from '@medchannel/web-shared/opportunities';
import { useOpportunityList } from './useOpportunityList';

/** 机会点: the pipeline in the viewer's scope, its funnel over the same filters, server-paged; filters in the URL. */
export default function OpportunitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const { filters, setFilter, filtered, pages, shown, loading, error, refetch } = useOpportunityList();

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
      {shown && (
        <FunnelCard stages={shown.opportunityFunnel} current={filters.stage} onPick={(s) => setFilter('stage', s)} />
      )}
      <Card>
        <OpportunityFilters filters={filters} setFilter={setFilter} />
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
