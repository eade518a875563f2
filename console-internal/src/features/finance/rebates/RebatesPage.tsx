import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { chinaToday, newRequestKey, useCodedError } from '@medchannel/web-shared/kernel';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { can } from '@medchannel/shared-schema';
import { PoliciesCard } from './PoliciesCard';
import { ApproveRebateDocument, QuarterRebatesDocument, type ConsoleRebateQuarterFragment } from '../../../gql/graphql';

const percentOf = (rate: string) => `${Math.round(Number(rate) * 10000) / 100}%`;
const ERRORS = { reload: ['QuarterRebates'] };

/** 返利: a quarter's rebates of the agreed targets (sell-in against the quarter amount, the band); finance approves an ended quarter. */
export default function RebatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const explain = useCodedError(ERRORS);
  const { params, setFilter } = useUrlFilters();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  const quarter = Number(params.get('quarter') ?? Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const { data, loading, error, refetch } = useQuery(QuarterRebatesDocument, { variables: { year, quarter } });
  const [failure, setFailure] = useState<string | null>(null);
  const [approveMutation, approving] = useMutation(ApproveRebateDocument);
  // One request key per approval meant (a row's quarter): kept while it fails, so a retry posts once.
  const keys = useRef(new Map<string, string>());
  const approve = async (r: ConsoleRebateQuarterFragment) => {
    const slot = `${r.target.id}:${r.quarter}`;
    const idempotencyKey = keys.current.get(slot) ?? newRequestKey();
    keys.current.set(slot, idempotencyKey);
    setFailure(null);
    try {
      // the answer's quarter has no id to merge into the list by: the list is read again
      await approveMutation({
        variables: { input: { targetId: r.target.id, quarter: r.quarter, idempotencyKey } },
        refetchQueries: ['QuarterRebates'],
        awaitRefetchQueries: true,
      });
      keys.current.delete(slot);
    } catch (e) {
      setFailure(explain(e).message);
    }
  };
  const approver = can(user.role, 'rebate.approve');
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);
  const rows = data?.quarterRebates ?? [];

  return (
    <>
      <PoliciesCard />
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('rebate.year')}
            value={year}
            onChange={(v) => setFilter('year', String(v))}
            options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))}
          />
          <Select
            aria-label={t('rebate.quarter')}
            value={quarter}
            onChange={(v) => setFilter('quarter', String(v))}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('rebate.q', { n: q }) }))}
          />
        </Flex>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<ConsoleRebateQuarterFragment>
            rowKey={(r) => r.target.id}
            loading={loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100 }}
            data-testid="rebate-list"
            locale={{ emptyText: <EmptyState title={t('rebate.none')} /> }}
            columns={[
              { title: t('finance.distributor'), key: 'd', render: (_, r) => r.target.distributor?.name ?? '—' },
              { title: t('rebate.line'), key: 'l', render: (_, r) => r.target.productLine?.name ?? '—' },
              { title: t('rebate.quarterAmount'), key: 'qa', align: 'right', render: (_, r) => money(r.quarterAmount) },
              { title: t('rebate.sellIn'), key: 's', align: 'right', render: (_, r) => money(r.sellIn) },
              {
                title: t('rebate.band'),
                key: 'b',
                render: (_, r) =>
                  r.policyVersion === null
                    ? t('rebate.noPolicy')
                    : r.band
                      ? percentOf(r.band.rate)
                      : t('rebate.noBand'),
              },
              {
                title: t('rebate.rebate'),
                key: 'r',
                align: 'right',
                render: (_, r) => <Typography.Text strong>{money(r.rebate)}</Typography.Text>,
              },
              { title: t('rebate.posted'), key: 'p', align: 'right', render: (_, r) => money(r.posted) },
              {
                title: t('rebate.pending'),
                key: 'a',
                render: (_, r) =>
                  Number(r.pending.amount) === 0 ? (
                    <Typography.Text type="secondary">{t('rebate.settled')}</Typography.Text>
                  ) : !r.ended ? (
                    <Typography.Text type="secondary">{t('rebate.running')}</Typography.Text>
                  ) : approver && r.policyVersion !== null ? (
                    <Button type="primary" size="small" loading={approving.loading} onClick={() => void approve(r)}>
                      {t('rebate.approve', { amount: money(r.pending) })}
                    </Button>
                  ) : (
                    money(r.pending)
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
