import './strings';
import { Card, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { PlacementTable } from './PlacementTable';
import { StocktakePanel } from './StocktakePanel';

/** 投放设备: the placed instruments in scope (history, commitment against sell-out) and the stocktake campaigns. */
export default function PlacementsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const view = params.get('view') === 'stocktake' ? 'stocktake' : 'placements';
  return (
    <>
      <PageHeader title={t('nav.placements')} subtitle={t('placements.subtitle')} />
      <Card>
        <Segmented
          value={view}
          onChange={(v) => setFilter('view', v === 'stocktake' ? 'stocktake' : undefined)}
          options={[
            { value: 'placements', label: t('placements.list') },
            { value: 'stocktake', label: t('placements.stocktake') },
          ]}
          style={{ marginBottom: 16 }}
        />
        {view === 'placements' ? <PlacementTable /> : <StocktakePanel />}
      </Card>
    </>
  );
}
