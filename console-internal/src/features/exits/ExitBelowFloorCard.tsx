import { Card, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { ExitBelowFloorDocument, type ExitBelowFloorQuery } from '../../gql/graphql';

type Line = ExitBelowFloorQuery['exitPlan']['belowFloor']['nodes'][number] & { id: string };
const PAGE_SIZE = 10;

/**
 * 低价倾销: the exiting distributor's sell-outs since the plan's date below the floor price, newest
 * first, paged by the API (a dumping distributor may report thousands).
 */
export function ExitBelowFloorCard({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = useKeysetPages(planId);
  const { data, previousData, loading, error, refetch } = useQuery(ExitBelowFloorDocument, {
    variables: { id: planId, first: PAGE_SIZE, after: pages.after },
  });
  const found = (data ?? previousData)?.exitPlan.belowFloor;
  // the table keys rows by id: a line is its stock movement
  const page = found && { ...found, nodes: found.nodes.map((l): Line => ({ ...l, id: l.movementId })) };
  return (
    <Card
      title={t('exit.belowFloor.title')}
      data-testid="exit-below-floor"
      extra={
        page && page.totalCount > 0 && <Tag color="red">{t('exit.belowFloor.count', { count: page.totalCount })}</Tag>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('exit.belowFloor.help')}
      </Typography.Paragraph>
      <PagedTable<Line>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="exit-below-floor-total"
        size="small"
        scroll={{ x: true }}
        empty={<EmptyState title={t('exit.belowFloor.none')} />}
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
          { title: t('exit.belowFloor.floor'), key: 'floor', align: 'right', render: (_, l) => format.money(l.floor) },
          {
            title: t('exit.belowFloor.gap'),
            key: 'gap',
            align: 'right',
            render: (_, l) => <Typography.Text type="danger">{format.money(l.gap)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
