import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Progress, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { errorMessage, useCurrentUser, useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CloseStocktakeDocument, StocktakeCampaignsDocument } from '../../gql/graphql';
import { OpenStocktakeModal } from './OpenStocktakeModal';
import { DiscrepancyTable } from './DiscrepancyTable';

/** 盘点: a campaign's progress per distributor and its discrepancies (the latest year unless another is chosen). */
export function StocktakePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const manages = can(useCurrentUser().role, 'stocktake.manage');
  const [opening, setOpening] = useState(false);
  const [close, closing] = useMutation(CloseStocktakeDocument);
  const { data, loading, error, refetch } = useQuery(StocktakeCampaignsDocument);
  if (loading && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const campaigns = data?.stocktakeCampaigns.nodes ?? [];
  const campaign = campaigns.find((c) => c.id === params.get('campaign')) ?? campaigns[0];
  const openButton = manages && (
    <>
      <Button onClick={() => setOpening(true)}>{t('placements.open')}</Button>
      <OpenStocktakeModal
        open={opening}
        onClose={(id) => {
          setOpening(false);
          if (id) setFilter('campaign', id);
        }}
      />
    </>
  );
  if (!campaign) return <EmptyState title={t('placements.noCampaign')} action={openButton || undefined} />;
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Select
          value={campaign.id}
          onChange={(v) => setFilter('campaign', v)}
          aria-label={t('placements.campaign')}
          style={{ width: 200 }}
          options={campaigns.map((c) => ({ value: c.id, label: t('placements.campaignYear', { year: c.year }) }))}
        />
        <Typography.Text>{t('placements.due', { due: format.date(campaign.dueOn) })}</Typography.Text>
        <Tag color={campaign.status === 'OPEN' ? 'processing' : 'default'}>
          {t(`placements.campaignStatus.${campaign.status}`)}
        </Tag>
        {manages && campaign.status === 'OPEN' && (
          <Popconfirm
            title={t('placements.closeConfirm')}
            onConfirm={() => void close({ variables: { id: campaign.id } })}
            okText={t('placements.close')}
          >
            <Button danger loading={closing.loading}>
              {t('placements.close')}
            </Button>
          </Popconfirm>
        )}
        {openButton}
      </Flex>
      {closing.error && (
        <Alert type="error" showIcon title={errorMessage(t, closing.error)} style={{ marginBottom: 16 }} />
      )}
      {campaign.status === 'CLOSED' && (
        <Alert type="info" showIcon title={t('placements.closed')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Title level={5}>{t('placements.progress')}</Typography.Title>
      <Table
        size="small"
        rowKey="distributorId"
        pagination={false}
        dataSource={campaign.progress}
        data-testid="stocktake-progress"
        style={{ marginBottom: 24 }}
        locale={{ emptyText: t('placements.noInstruments') }}
        columns={[
          { title: t('placements.distributor'), key: 'd', render: (_, p) => p.distributorName },
          {
            title: t('placements.confirmed'),
            key: 'c',
            width: 260,
            render: (_, p) => (
              <Flex gap={8} align="center">
                <Progress
                  percent={p.instruments ? Math.round((p.confirmed / p.instruments) * 100) : 0}
                  size="small"
                  style={{ width: 120, margin: 0 }}
                />
                <span data-testid="stocktake-confirmed">{`${format.number(p.confirmed)} / ${format.number(p.instruments)}`}</span>
              </Flex>
            ),
          },
          {
            title: t('placements.batchesCounted'),
            key: 'b',
            align: 'right',
            render: (_, p) => format.number(p.batchesCounted),
          },
          {
            title: t('placements.discrepancies'),
            key: 'x',
            align: 'right',
            render: (_, p) => (p.discrepancies ? <Tag color="red">{format.number(p.discrepancies)}</Tag> : '0'),
          },
        ]}
      />
      <Typography.Title level={5}>{t('placements.discrepancyList')}</Typography.Title>
      <DiscrepancyTable campaignId={campaign.id} />
    </>
  );
}
