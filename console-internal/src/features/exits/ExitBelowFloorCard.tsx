import { Card, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { ExitBelowFloorDocument, type ExitBelowFloorQuery } from '../../gql/graphql';

type Line = ExitBelowFloorQuery['exitPlan']['belowFloor'][number];

/** 低价倾销: the exiting distributor's sell-outs since the plan's date below the floor price, newest first. */
export function ExitBelowFloorCard({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(ExitBelowFloorDocument, { variables: { id: planId } });
  const lines = data?.exitPlan.belowFloor ?? [];
  return (
    <Card
      title={t('exit.belowFloor.title')}
      data-testid="exit-below-floor"
      extra={data && lines.length > 0 && <Tag color="red">{t('exit.belowFloor.count', { count: lines.length })}</Tag>}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('exit.belowFloor.help')}
      </Typography.Paragraph>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <LoadingState />
      ) : (
        <Table<Line>
          size="small"
          rowKey="movementId"
          dataSource={lines}
          locale={{ emptyText: t('exit.belowFloor.none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: true }}
          columns={[
            { title: t('exit.belowFloor.soldOn'), key: 'on', render: (_, l) => format.date(l.occurredOn) },
            { title: t('exit.belowFloor.hospital'), key: 'hospital', render: (_, l) => l.hospitalName },
            { title: t('exit.product'), key: 'product', render: (_, l) => l.productName },
            { title: t('exit.batch'), key: 'batch', render: (_, l) => l.batchNo || '—' },
            { title: t('exit.belowFloor.quantity'), key: 'quantity', align: 'right', render: (_, l) => l.quantity },
            {
              title: t('exit.belowFloor.unitPrice'),
              key: 'price',
              align: 'right',
              render: (_, l) => format.money(l.unitPrice),
            },
            {
              title: t('exit.belowFloor.floor'),
              key: 'floor',
              align: 'right',
              render: (_, l) => format.money(l.floor),
            },
            {
              title: t('exit.belowFloor.gap'),
              key: 'gap',
              align: 'right',
              render: (_, l) => <Typography.Text type="danger">{format.money(l.gap)}</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}
