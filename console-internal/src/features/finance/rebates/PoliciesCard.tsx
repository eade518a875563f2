import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { ErrorState } from '@medchannel/web-shared/states';
import { can } from '@medchannel/shared-schema';
import { RebatePoliciesDocument } from '../../../gql/graphql';
import { PolicyModal } from './PolicyModal';

const percentOf = (rate: string) => `${Math.round(Number(rate) * 10000) / 100}%`;

/** Each product line's current rebate bands; finance edits them (a new version each time). */
export function PoliciesCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(RebatePoliciesDocument);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const policyOf = (lineId: string) => data?.rebatePolicies.find((p) => p.productLineId === lineId) ?? null;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Card size="small" title={t('rebate.policies')} style={{ marginBottom: 12 }}>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.productLines ?? []}
        data-testid="rebate-policies"
        columns={[
          { title: t('rebate.line'), key: 'l', render: (_, l) => l.name },
          {
            title: t('rebate.bands'),
            key: 'b',
            render: (_, l) =>
              policyOf(l.id)
                ?.bands.map((b) => t('rebate.bandText', { from: percentOf(b.threshold), rate: percentOf(b.rate) }))
                .join(' · ') ?? t('rebate.noPolicy'),
          },
          {
            title: t('rebate.version'),
            key: 'v',
            render: (_, l) => policyOf(l.id)?.version ?? '—',
          },
          ...(can(user.role, 'rebate.setPolicy')
            ? [
                {
                  title: '',
                  key: 'e',
                  render: (_: unknown, l: { id: string; name: string }) => (
                    <Button size="small" onClick={() => setEditing({ id: l.id, name: l.name })}>
                      {t('rebate.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PolicyModal
        line={editing}
        bands={editing ? (policyOf(editing.id)?.bands ?? []).map(({ threshold, rate }) => ({ threshold, rate })) : []}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
