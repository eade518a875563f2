import { useState } from 'react';
import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCodedError } from '../kernel';
import { useFormat } from '../app/format';
import {
  GroupRobotDeliveriesDocument,
  SendGroupRobotTestDocument,
  type GroupRobotDeliveriesQuery,
} from '../gql/graphql';
import { useFeedback } from '../app/notice';

type Delivery = GroupRobotDeliveriesQuery['groupRobotDeliveries']['nodes'][number];

/** The recent attempts shown (newest first). */
const RECENT = 50;

/**
 * A saved robot's two checks: send it a test message (through the outbox, like any message), and
 * read its delivery log: each attempt, what it carried, and how the robot answered.
 */
export function RobotLog({ robotId, label, enabled }: { robotId: string; label: string; enabled: boolean }) {
  const { t } = useTranslation();
  const message = useFeedback();
  const explain = useCodedError({ prefix: 'notice.robotError' });
  const [open, setOpen] = useState(false);
  const [send, sending] = useMutation(SendGroupRobotTestDocument);
  const [load, log] = useLazyQuery(GroupRobotDeliveriesDocument, { fetchPolicy: 'network-only' });
  const test = async () => {
    try {
      await send({ variables: { robotId } });
      message.success(t('notice.settings.robots.testSent'));
    } catch (err) {
      message.error(explain(err).message);
    }
  };
  const show = () => {
    setOpen(true);
    void load({ variables: { robotId, first: RECENT } });
  };
  return (
    <Flex gap={8} wrap>
      <Button onClick={() => void test()} loading={sending.loading} disabled={!enabled}>
        {t('notice.settings.robots.test')}
      </Button>
      <Button onClick={show}>{t('notice.settings.robots.log')}</Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notice.settings.robots.logTitle', { robot: label })}
        width={720}
        extra={
          <Button onClick={() => void log.refetch()} loading={log.loading}>
            {t('notice.settings.robots.refresh')}
          </Button>
        }
      >
        <DeliveryTable rows={log.data?.groupRobotDeliveries.nodes ?? []} loading={log.loading} />
      </Drawer>
    </Flex>
  );
}

function DeliveryTable({ rows, loading }: { rows: Delivery[]; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const what = (type: string) =>
    type === 'TEST' || type === 'DIGEST'
      ? t(`notice.settings.robots.message.${type}`)
      : t(`notice.kindName.${type}`, { defaultValue: type });
  return (
    <Table<Delivery>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('notice.settings.robots.logEmpty') }}
      onRow={(d) => ({ 'data-testid': 'robot-delivery', 'data-ok': String(d.ok) }) as never}
      columns={[
        { title: t('notice.settings.robots.when'), key: 'when', render: (_, d) => format.dateTime(d.createdAt) },
        { title: t('notice.settings.robots.what'), key: 'what', render: (_, d) => what(d.messageType) },
        { title: t('notice.settings.robots.attempt'), dataIndex: 'attempt', key: 'attempt', width: 80 },
        {
          title: t('notice.settings.robots.outcome'),
          key: 'outcome',
          render: (_, d) =>
            d.ok ? (
              <Tag color="green">{t('notice.settings.robots.delivered')}</Tag>
            ) : (
              <Flex vertical>
                <Tag color="red">{t(`notice.settings.robots.failure.${d.error}`, { defaultValue: d.error ?? '' })}</Tag>
                {d.statusCode != null && <Typography.Text type="secondary">HTTP {d.statusCode}</Typography.Text>}
              </Flex>
            ),
        },
      ]}
    />
  );
}
