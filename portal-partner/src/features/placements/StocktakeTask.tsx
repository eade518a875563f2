import { useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyStocktakesDocument, StocktakeTaskDocument, type StocktakeTaskItemFragment } from '../../gql/graphql';
import { ConfirmInstrument } from './ConfirmInstrument';
import { CountBatch } from './CountBatch';

/** 盘点任务: the open campaign's instruments of the viewer's distributor, the ones to confirm first. */
export function StocktakeTask() {
  const { t } = useTranslation();
  const format = useFormat();
  const campaigns = useQuery(MyStocktakesDocument);
  if (campaigns.loading && !campaigns.data) return <LoadingState />;
  if (campaigns.error) return <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const campaign = campaigns.data?.stocktakeCampaigns.nodes[0];
  if (!campaign) return <EmptyState title={t('placement.noCampaign')} />;
  const total = campaign.progress.reduce((n, p) => n + p.instruments, 0);
  const confirmed = campaign.progress.reduce((n, p) => n + p.confirmed, 0);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="stocktake-campaign">
        <Typography.Text strong>
          {t('placement.campaign', { year: campaign.year, due: format.date(campaign.dueOn) })}
        </Typography.Text>
        <Progress percent={total ? Math.round((confirmed / total) * 100) : 0} size="small" />
        <div className="pp-item-line" data-testid="stocktake-progress">
          {t('placement.progress', { confirmed: format.number(confirmed), instruments: format.number(total) })}
        </div>
        {campaign.status === 'CLOSED' && <Alert type="info" showIcon title={t('placement.closed')} />}
      </Card>
      <Items campaignId={campaign.id} open={campaign.status === 'OPEN'} />
      {campaign.status === 'OPEN' && <CountBatch campaignId={campaign.id} />}
    </>
  );
}

function Items({ campaignId, open }: { campaignId: string; open: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(StocktakeTaskDocument, { variables: { campaignId } });
  const pager = useLoadMore(query, 'stocktakeItems');
  const [confirming, setConfirming] = useState<StocktakeTaskItemFragment | null>(null);
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId="stocktake-items"
        footerTestId="stocktake"
        row={(item) => <ItemRow key={item.id} item={item} open={open} onConfirm={() => setConfirming(item)} />}
        empty={<EmptyState title={t('placement.itemsEmpty')} />}
      />
      <ConfirmInstrument item={confirming} onClose={() => setConfirming(null)} />
    </Card>
  );
}

function ItemRow(props: { item: StocktakeTaskItemFragment; open: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const { item, open, onConfirm } = props;
  return (
    <div className="pp-item" data-testid="stocktake-item">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {item.productName}
        </Typography.Text>
        {item.finding ? (
          <Tag color={item.finding === 'FOUND' ? 'green' : 'red'}>{t(`placement.findingOptions.${item.finding}`)}</Tag>
        ) : (
          <Tag>{t('placement.toConfirm')}</Tag>
        )}
      </Flex>
      <div className="pp-item-line">
        {t('placement.serial')} {item.serialNo}
      </div>
      <Flex justify="space-between" align="center" className="pp-item-line" gap={8}>
        <span>{item.hospitalName ? `${item.hospitalName} · ${item.departmentName}` : t('placement.hiddenPlace')}</span>
        {open && (
          <Button size="small" type={item.finding ? 'default' : 'primary'} onClick={onConfirm}>
            {t('placement.confirm')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
