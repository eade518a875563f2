import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { PlacementDetailDocument } from '../../gql/graphql';
import { PlacementActionModal, type PlacementAction } from './PlacementActionModal';

const ACTIONS: PlacementAction[] = ['relocate', 'replace', 'return'];

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
              {ACTIONS.map((a) => (
                <Button key={a} danger={a === 'return'} onClick={() => setAction(a)}>
                  {t(`placements.action.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
          <PlacementActionModal placement={p} action={action} onClose={() => setAction(null)} />
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
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
          <Typography.Title level={5}>{t('placements.commitmentTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={p.commitment}
            data-testid="placement-commitment"
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('placements.month'), key: 'm', render: (_, m) => m.month },
              {
                title: t('placements.committed'),
                key: 'c',
                align: 'right',
                render: (_, m) => format.number(m.committed),
              },
              { title: t('placements.actual'), key: 'a', align: 'right', render: (_, m) => format.number(m.actual) },
              {
                title: '',
                key: 's',
                render: (_, m) => m.shortfall && <Tag color="red">{t('placements.shortfall')}</Tag>,
              },
            ]}
          />
          <Typography.Title level={5}>{t('placements.history')}</Typography.Title>
          <Timeline
            data-testid="placement-history"
            items={p.history.map((e) => ({
              key: e.id,
              content: (
                <>
                  <Typography.Text strong>{t(`placements.event.${e.kind}`)}</Typography.Text>{' '}
                  {format.date(e.occurredOn)} · {e.serialNo} ·{' '}
                  {e.hospitalName ? `${e.hospitalName} ${e.departmentName}` : '—'}
                  <div className="mc-muted">
                    {e.actorName}
                    {e.note && ` · ${e.note}`}
                  </div>
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
