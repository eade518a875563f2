import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { ErrorState } from '@medchannel/web-shared/states';
import {
  HospitalPotentialDocument,
  type HospitalDepartmentRowFragment,
  type PotentialRowFragment,
  type PotentialVersionFragment,
} from '../../gql/graphql';
import { PotentialModal, type PotentialEdit } from './PotentialModal';

/**
 * 潜力: each department's yearly potential per product line with the assumptions it was computed
 * from; an edit saves the next version, the earlier ones listed under each row.
 */
export function PotentialCard({
  hospitalId,
  beds,
  departments,
  canEdit,
}: {
  hospitalId: string;
  beds: number | null;
  departments: HospitalDepartmentRowFragment[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<PotentialEdit | null>(null);
  const { data, loading, error, refetch } = useQuery(HospitalPotentialDocument, { variables: { hospitalId } });
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);
  const lines = data?.productLines ?? [];
  const open = (current?: PotentialRowFragment) => setEditing({ hospitalId, beds, departments, lines, current });
  return (
    <Card
      title={t('potential.title')}
      style={{ marginBottom: 16 }}
      data-testid="potential-card"
      extra={
        canEdit && (
          <Button size="small" onClick={() => open()} disabled={departments.length === 0}>
            {t('potential.add')}
          </Button>
        )
      }
    >
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      <Table<PotentialRowFragment>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={data?.departmentPotentials ?? []}
        locale={{ emptyText: t('potential.empty') }}
        expandable={{
          rowExpandable: (r) => r.history.length > 1,
          expandedRowRender: (r) => <History rows={r.history} />,
        }}
        columns={[
          { title: t('potential.department'), render: (_, r) => r.department?.name },
          { title: t('potential.line'), render: (_, r) => r.productLine?.name },
          { title: t('potential.assumptions'), render: (_, r) => <Assumptions r={r} /> },
          { title: t('potential.consumables'), render: (_, r) => money(r.consumables) },
          { title: t('potential.equipment'), render: (_, r) => money(r.equipment) },
          { title: t('potential.total'), render: (_, r) => <Typography.Text strong>{money(r.total)}</Typography.Text> },
          { title: t('potential.version'), render: (_, r) => `v${r.version}` },
          {
            title: '',
            render: (_, r) =>
              canEdit && (
                <Button size="small" onClick={() => open(r)}>
                  {t('potential.edit')}
                </Button>
              ),
          },
        ]}
      />
      <PotentialModal editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function Assumptions({ r }: { r: PotentialVersionFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('potential.formula', {
        volume: format.number(r.yearlyVolume),
        usage: r.usagePerProcedure,
        price: format.money(r.consumableUnitPrice.amount, r.consumableUnitPrice.currency),
        beds: format.number(r.beds),
        bedsPer: r.bedsPerEquipment,
        equipmentPrice: format.money(r.equipmentUnitPrice.amount, r.equipmentUnitPrice.currency),
        life: r.equipmentLifeYears,
      })}
    </Typography.Text>
  );
}

function History({ rows }: { rows: PotentialVersionFragment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div data-testid="potential-history">
      {rows.map((r) => (
        <div key={r.id}>
          {`v${r.version} · ${format.date(r.createdAt)} · ${format.money(r.total.amount, r.total.currency)} · `}
          <Assumptions r={r} />
          {r.note ? ` · ${r.note}` : ''}
        </div>
      ))}
      <Typography.Text type="secondary">{t('potential.historyHint')}</Typography.Text>
    </div>
  );
}
