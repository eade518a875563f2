import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import type { ExitPlanDetailFragment } from '../../gql/graphql';
import { ExitReturnModal } from './ExitReturnModal';

type Return = ExitPlanDetailFragment['returns'][number];
type Line = Return['lines'][number];

/** 退货: what was bought back, lot by lot, with the credit note each return posted. */
export function ExitReturnsCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const manager = can(user.role, 'exit.manage') && !plan.settledAt;
  const lines = plan.returns.flatMap((r) => r.lines.map((l) => ({ ...l, key: `${r.id}-${l.lineNo}`, ret: r })));
  return (
    <Card
      title={t('exit.returns')}
      extra={
        manager &&
        plan.distributor && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="exit-return-open">
            {t('exit.recordReturn')}
          </Button>
        )
      }
    >
      <Table<Line & { key: string; ret: Return }>
        size="small"
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: t('exit.noReturns') }}
        data-testid="exit-returns"
        columns={[
          { title: t('exit.returnedOn'), key: 'on', render: (_, l) => format.date(l.ret.occurredOn) },
          { title: t('exit.product'), key: 'product', render: (_, l) => l.productName },
          { title: t('exit.batch'), key: 'batch', render: (_, l) => l.batchNo || '—' },
          { title: t('exit.serial'), key: 'serial', render: (_, l) => l.serialNo || '—' },
          { title: t('exit.quantity'), key: 'quantity', align: 'right', render: (_, l) => l.quantity },
          { title: t('exit.unitPrice'), key: 'price', align: 'right', render: (_, l) => format.money(l.unitPrice) },
          { title: t('exit.amount'), key: 'amount', align: 'right', render: (_, l) => format.money(l.amount) },
        ]}
        summary={() =>
          plan.returns.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                {t('exit.creditNote')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong data-testid="exit-credited">
                  {format.money(plan.account.credited)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {manager && plan.distributor && (
        <ExitReturnModal
          open={open}
          planId={plan.id}
          distributorId={plan.distributor.id}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}
