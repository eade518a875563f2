import './strings';
import { Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyPlacementsDocument, type MyPlacementRowFragment } from '../../gql/graphql';
import { StocktakeTask } from './StocktakeTask';

/** 投放设备: the distributor's placed instruments, and the stocktake task (盘点); phone first. */
export default function PlacementsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const view = params.get('view') === 'stocktake' ? 'stocktake' : 'mine';
  const navigate = useNavigate();
  const places = can(useCurrentUser().role, 'placement.manage');
  return (
    <>
      <PageHeader title={t('placement.title')} />
      {places && view === 'mine' && (
        <Button
          type="primary"
          block
          size="large"
          style={{ marginBottom: 12 }}
          onClick={() => void navigate('/placements/new')}
        >
          {t('placement.new')}
        </Button>
      )}
      <Segmented
        block
        value={view}
        onChange={(v) => setFilter('view', v === 'stocktake' ? 'stocktake' : undefined)}
        options={[
          { value: 'mine', label: t('placement.mine') },
          { value: 'stocktake', label: t('placement.stocktake') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {view === 'mine' ? <MyPlacements /> : <StocktakeTask />}
    </>
  );
}

function MyPlacements() {
  const { t } = useTranslation();
  const query = useQuery(MyPlacementsDocument);
  const pager = useLoadMore(query, 'placements');
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId="placement-list"
        footerTestId="placement"
        row={(p) => <PlacementRow key={p.id} p={p} />}
        empty={<EmptyState title={t('placement.empty')} />}
      />
    </Card>
  );
}

function PlacementRow({ p }: { p: MyPlacementRowFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Link to={`/placements/${p.id}`} className="pp-item pp-row" data-testid="placement-row">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {p.productName}
        </Typography.Text>
        <Tag color={p.status === 'PLACED' ? 'blue' : 'default'}>{t(`placement.status.${p.status}`)}</Tag>
      </Flex>
      <div className="pp-item-line">
        {t('placement.serial')} {p.serialNo}
      </div>
      <div className="pp-item-line">
        {p.hospitalName ? `${p.hospitalName} · ${p.departmentName}` : t('placement.hiddenPlace')}
      </div>
      <Flex justify="space-between" className="pp-item-line" gap={8} wrap>
        <span>
          {t(`placement.per${p.commitmentPeriod}`, {
            quantity: format.number(p.commitmentQuantity),
            line: p.reagentLineName,
          })}
        </span>
        <span className="pp-muted">{p.distributorName}</span>
      </Flex>
      <div className="pp-item-line pp-muted">
        {t('placement.period', { from: format.date(p.startsOn), to: format.date(p.endsOn) })}
      </div>
    </Link>
  );
}
