import { useState } from 'react';
import { Alert, Button, Card, Collapse, Flex, Progress, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { TargetSeries } from '@medchannel/web-shared/targets';
import { AcceptTargetDocument, type PortalRebateFragment, type PortalTargetFragment } from '../../gql/graphql';
import { CounterModal } from './CounterModal';
import { RebateProjection } from './RebateProjection';

const STATUS_COLOR = { PROPOSED: 'orange', COUNTERED: 'blue', AGREED: 'green' } as const;
const ERRORS = {
  prefix: 'target.error',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.TARGET_LOCKED],
  reload: ['MyTargets'],
};

/** One product line's target: the current amounts, what to do with a proposal, the sell-in against it and its rebate. */
export function TargetCard({
  target: x,
  rebate,
}: {
  target: PortalTargetFragment;
  rebate: PortalRebateFragment | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [countering, setCountering] = useState(false);
  const [accept, accepting] = useMutation(AcceptTargetDocument, {
    onError: (e) => setFailure(explain(e).message),
  });
  const c = x.current;
  const percent = Number(x.progress.attainment);
  const line = x.productLine?.name ?? '—';
  return (
    <Card
      size="small"
      data-testid="target-card"
      title={line}
      extra={<Tag color={STATUS_COLOR[x.status]}>{t(`target.status.${x.status}`)}</Tag>}
    >
      <Flex vertical gap={8}>
        {failure && <Alert type="error" showIcon title={failure} />}
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('target.yearly')}</Typography.Text>
          <Typography.Text strong data-testid="target-yearly">
            {format.money(c.yearly.amount, c.yearly.currency)}
          </Typography.Text>
        </Flex>
        <Flex gap={4} wrap>
          {c.quarters.map((q, i) => (
            <Tag key={i}>
              {t('target.quarter', { n: i + 1 })} {format.money(q.amount, q.currency)}
            </Tag>
          ))}
        </Flex>
        {c.reason && <Typography.Text type="secondary">{`${t(`target.kind.${c.kind}`)}：${c.reason}`}</Typography.Text>}
        <div>
          <Typography.Text type="secondary">{t('target.progress')}</Typography.Text>
          <Progress
            percent={Math.min(percent, 100)}
            format={() => t('target.attainment', { percent: x.progress.attainment })}
          />
          <Typography.Text>{`${t('target.sellIn')} ${format.money(x.progress.total.amount, x.progress.total.currency)}`}</Typography.Text>
        </div>
        {x.status === 'PROPOSED' && (
          <Flex gap={8}>
            <Button
              type="primary"
              size="large"
              style={{ flex: 1 }}
              loading={accepting.loading}
              onClick={() => {
                setFailure(null);
                void accept({ variables: { id: x.id, expectedVersion: x.version } });
              }}
            >
              {t('target.accept')}
            </Button>
            <Button size="large" style={{ flex: 1 }} onClick={() => setCountering(true)}>
              {t('target.counter')}
            </Button>
          </Flex>
        )}
        {x.status === 'COUNTERED' && <Alert type="info" showIcon title={t('target.waiting')} />}
        {x.status === 'AGREED' && <Typography.Text type="success">{t('target.locked')}</Typography.Text>}
        {rebate && <RebateProjection rebate={rebate} />}
        <Collapse
          size="small"
          items={[
            {
              key: 'months',
              label: t('target.months'),
              children: <TargetSeries months={x.progress.series} compact />,
            },
            {
              key: 'history',
              label: t('target.history'),
              children: x.versions.map((v) => (
                <div key={v.id} className="pp-item-line">
                  {`${t('target.version', { n: v.number })} · ${t(`target.kind.${v.kind}`)} · ${format.money(v.yearly.amount, v.yearly.currency)}${v.reason ? ` · ${v.reason}` : ''}`}
                </div>
              )),
            },
          ]}
        />
      </Flex>
      <CounterModal target={x} open={countering} onClose={() => setCountering(false)} />
    </Card>
  );
}
