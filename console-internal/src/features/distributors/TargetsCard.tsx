import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { chinaToday, useCodedError } from '@medchannel/web-shared/kernel';
import { ErrorState } from '@medchannel/web-shared/states';
import { TargetSeries } from '@medchannel/web-shared/targets';
import {
  AgreeTargetDocument,
  DistributorTargetsDocument,
  type ConsoleTargetFragment,
  type PotentialByLineFragment,
} from '../../gql/graphql';
import { ProposeTargetModal, type Proposing } from './ProposeTargetModal';

const STATUS_COLOR = { PROPOSED: 'orange', COUNTERED: 'blue', AGREED: 'green' } as const;
const ERRORS = {
  prefix: 'salesTarget.error',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.TARGET_LOCKED],
  reload: ['DistributorTargets'],
};

/** 目标: the distributor's potential per line (over the hospitals it is authorized for), and its targets of a year. */
export function TargetsCard({ distributorId }: { distributorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [proposing, setProposing] = useState<Proposing | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const explain = useCodedError(ERRORS);
  const { data, error, loading, refetch } = useQuery(DistributorTargetsDocument, {
    variables: { distributorId, year },
  });
  const [agree, agreeing] = useMutation(AgreeTargetDocument, { onError: (e) => setFailure(explain(e).message) });
  const targets = data?.salesTargets ?? [];
  const targetOf = (lineId?: string) => targets.find((x) => x.productLine?.id === lineId);
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);

  return (
    <Card
      title={t('salesTarget.title')}
      style={{ marginBottom: 16 }}
      data-testid="targets-card"
      extra={
        <Select
          aria-label={t('salesTarget.year')}
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
      }
    >
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      <Typography.Title level={5}>{t('salesTarget.potential')}</Typography.Title>
      <Table<PotentialByLineFragment>
        size="small"
        rowKey={(r) => r.productLine?.id ?? ''}
        loading={loading}
        pagination={false}
        dataSource={data?.distributorPotential ?? []}
        locale={{ emptyText: t('salesTarget.noPotential') }}
        columns={[
          { title: t('salesTarget.line'), render: (_, r) => r.productLine?.name },
          { title: t('salesTarget.hospitals'), dataIndex: 'hospitals' },
          { title: t('salesTarget.consumables'), render: (_, r) => money(r.consumables) },
          { title: t('salesTarget.equipment'), render: (_, r) => money(r.equipment) },
          { title: t('salesTarget.total'), render: (_, r) => money(r.total) },
          {
            title: '',
            render: (_, r) => {
              const existing = targetOf(r.productLine?.id);
              if (existing && existing.status !== 'COUNTERED') return null;
              return (
                <Button
                  size="small"
                  onClick={() => setProposing({ distributorId, year, potential: r, target: existing })}
                >
                  {existing ? t('salesTarget.proposeAgain') : t('salesTarget.propose')}
                </Button>
              );
            },
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('salesTarget.targets', { year })}
      </Typography.Title>
      <Table<ConsoleTargetFragment>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={targets}
        locale={{ emptyText: t('salesTarget.empty') }}
        expandable={{ expandedRowRender: (x) => <TargetSeries months={x.progress.series} /> }}
        columns={[
          { title: t('salesTarget.line'), render: (_, x) => x.productLine?.name },
          {
            title: t('salesTarget.status'),
            render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{t(`salesTarget.statusName.${x.status}`)}</Tag>,
          },
          { title: t('salesTarget.yearly'), render: (_, x) => money(x.current.yearly) },
          {
            title: t('salesTarget.quarters'),
            render: (_, x) => x.current.quarters.map((q) => format.money(q.amount, q.currency)).join(' / '),
          },
          {
            title: t('salesTarget.latest'),
            render: (_, x) =>
              `${t('salesTarget.version', { n: x.current.number })} · ${t(`salesTarget.kind.${x.current.kind}`)}${x.current.reason ? `：${x.current.reason}` : ''}`,
          },
          {
            title: t('salesTarget.attainment'),
            render: (_, x) => `${x.progress.attainment}% · ${money(x.progress.total)}`,
          },
          {
            title: '',
            render: (_, x) =>
              x.status === 'COUNTERED' && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={agreeing.loading}
                    onClick={() => {
                      setFailure(null);
                      void agree({ variables: { id: x.id, expectedVersion: x.version } });
                    }}
                  >
                    {t('salesTarget.agree')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <ProposeTargetModal proposing={proposing} onClose={() => setProposing(null)} />
    </Card>
  );
}
