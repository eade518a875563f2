import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import {
  CommitmentMonths,
  PLACEMENT_ACTIONS,
  PlacementActionModal,
  PlacementDetailDocument,
  PlacementHistory,
  type PlacementAction,
} from '@medchannel/web-shared/placements';
import { RelocateFields } from './RelocateFields';

const RELOAD = ['PlacementDetail', 'Placements'];

/** One placed instrument: its agreement, its history (placed, moved, replaced, returned) and each month's reagents against the commitment. */
export function PlacementDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(PlacementDetailDocument, {
    variables: { id: id ?? '' },
    skip: !id,
  });
  const p = data?.placement;
  const manages = can(useCurrentUser().role, 'placement.manage');
  const [action, setAction] = useState<PlacementAction | null>(null);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={p ? `${p.productName} · ${p.serialNo}` : ''}>
      {loading && !p && <LoadingState />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {p && (
        <>
          {manages && p.status === 'PLACED' && (
            <Flex gap={8} style={{ marginBottom: 16 }} data-testid="placement-actions">
              {PLACEMENT_ACTIONS.map((a) => (
                <Button key={a} danger={a === 'return'} onClick={() => setAction(a)}>
                  {t(`placementDetail.action.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
          <PlacementActionModal
            placement={p}
            action={action}
            onClose={() => setAction(null)}
            reload={RELOAD}
            relocateFields={(form) => <RelocateFields form={form} />}
          />
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('placements.status')}>
              <Tag color={p.status === 'PLACED' ? 'blue' : 'default'} data-testid="placement-status">
                {t(`placements.statusOptions.${p.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('placements.distributor')}>{p.distributorName}</Descriptions.Item>
            <Descriptions.Item label={t('placements.place')}>
              {p.hospitalName ? `${p.hospitalName} · ${p.departmentName}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('placements.commitment')}>
              {t(`placements.per${p.commitmentPeriod}`, {
                quantity: format.number(p.commitmentQuantity),
                line: p.reagentLineName,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('placements.period')}>
              {format.date(p.startsOn)} – {format.date(p.endsOn)}
            </Descriptions.Item>
          </Descriptions>
          <CommitmentMonths months={p.commitment} />
          <PlacementHistory events={p.history} />
        </>
      )}
    </Drawer>
  );
}
