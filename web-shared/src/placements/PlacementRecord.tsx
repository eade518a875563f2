import { Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import type { PlacementDetailQuery } from '../gql/placements/graphql';
import { addPlacementStrings } from './strings';

type Detail = PlacementDetailQuery['placement'];

/** Each month of the agreement so far: reagent units committed against sold out, a month that fell short marked. */
export function CommitmentMonths({ months }: { months: Detail['commitment'] }) {
  addPlacementStrings();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Typography.Title level={5}>{t('placementDetail.commitmentTitle')}</Typography.Title>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={months}
        locale={{ emptyText: t('placementDetail.noMonths') }}
        data-testid="placement-commitment"
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('placementDetail.month'), key: 'm', render: (_, m) => m.month },
          {
            title: t('placementDetail.committed'),
            key: 'c',
            align: 'right',
            render: (_, m) => format.number(m.committed),
          },
          {
            title: t('placementDetail.actual'),
            key: 'a',
            align: 'right',
            render: (_, m) => format.number(m.actual),
          },
          {
            title: '',
            key: 's',
            render: (_, m) => m.shortfall && <Tag color="red">{t('placementDetail.shortfall')}</Tag>,
          },
        ]}
      />
    </>
  );
}

/** What happened to the instrument, oldest first: placed, moved, replaced, returned; by whom, where, with which serial. */
export function PlacementHistory({ events }: { events: Detail['history'] }) {
  addPlacementStrings();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Typography.Title level={5}>{t('placementDetail.history')}</Typography.Title>
      <Timeline
        data-testid="placement-history"
        items={events.map((e) => ({
          key: e.id,
          content: (
            <div data-testid="placement-event">
              <Typography.Text strong>{t(`placementDetail.event.${e.kind}`)}</Typography.Text>{' '}
              {format.date(e.occurredOn)} · {e.serialNo} ·{' '}
              {e.hospitalName ? `${e.hospitalName} ${e.departmentName}` : '—'}
              <div>
                <Typography.Text type="secondary">
                  {e.actorName}
                  {e.note && ` · ${e.note}`}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </>
  );
}
