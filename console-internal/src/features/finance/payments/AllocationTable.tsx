import { Button, Flex, Form, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { InvoiceStatusTag } from '@medchannel/web-shared/finance';
import { fromCents, minus, sum, toCents } from '@medchannel/web-shared/kernel';
import type { InvoiceRowFragment } from '../../../gql/graphql';

export interface Payable {
  invoice: InvoiceRowFragment;
  /** What is still unpaid of it */
  open: string;
}

/** The distributor's invoices with something unpaid, oldest due first: the order the API settles them in. */
export function payablesOf(invoices: readonly InvoiceRowFragment[]): Payable[] {
  return invoices
    .map((invoice) => ({ invoice, open: minus(invoice.grossAmount.amount, invoice.paidAmount.amount) }))
    .filter((p) => toCents(p.open) > 0n)
    .sort(
      (a, b) =>
        a.invoice.dueOn.localeCompare(b.invoice.dueOn) ||
        a.invoice.issuedOn.localeCompare(b.invoice.issuedOn) ||
        a.invoice.number.localeCompare(b.invoice.number),
    );
}

/** The payment spread over the invoices oldest due first, as the API would do it unasked. */
function oldestFirst(payables: readonly Payable[], amount: string): Record<string, string | undefined> {
  let left = toCents(amount);
  return Object.fromEntries(
    payables.map((p) => {
      const take = left <= 0n ? 0n : toCents(p.open) < left ? toCents(p.open) : left;
      left -= take;
      return [p.invoice.id, take > 0n ? fromCents(take) : undefined];
    }),
  );
}

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

interface Props {
  payables: Payable[];
  /** The payment's amount as typed, when it is a valid one */
  amount?: string;
  allocations: Record<string, string | undefined> | undefined;
  onFill: (allocations: Record<string, string | undefined>) => void;
}

/** By hand: how much of the payment goes to each open invoice; the rest stays as credit (预收). */
export function AllocationTable({ payables, amount, allocations, onFill }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const allocated = sum(Object.values(allocations ?? {}).filter((v): v is string => !!v && AMOUNT.test(v)));
  const left = amount ? minus(amount, allocated) : undefined;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type={left && toCents(left) < 0n ? 'danger' : 'secondary'} data-testid="allocation-summary">
          {t('payment.allocated', { allocated: format.money(allocated), left: left ? format.money(left) : '—' })}
        </Typography.Text>
        <Button
          size="small"
          disabled={!amount}
          onClick={() => amount && onFill(oldestFirst(payables, amount))}
          data-testid="allocation-fill"
        >
          {t('payment.fillOldestFirst')}
        </Button>
      </Flex>
      <Table<Payable>
        rowKey={(p) => p.invoice.id}
        size="small"
        dataSource={payables}
        pagination={false}
        scroll={{ y: 300 }}
        data-testid="allocation-table"
        locale={{ emptyText: t('payment.noOpenInvoices') }}
        columns={[
          { title: t('invoice.number'), key: 'number', render: (_, p) => p.invoice.number },
          { title: t('invoice.dueOn'), key: 'dueOn', width: 110, render: (_, p) => format.date(p.invoice.dueOn) },
          {
            title: t('invoice.status'),
            key: 'status',
            width: 100,
            render: (_, p) => <InvoiceStatusTag status={p.invoice.status} />,
          },
          { title: t('payment.open'), key: 'open', width: 140, align: 'right', render: (_, p) => format.money(p.open) },
          {
            title: t('payment.allocate'),
            key: 'allocate',
            width: 170,
            render: (_, p) => (
              <Form.Item
                name={['allocations', p.invoice.id]}
                style={{ margin: 0 }}
                rules={[
                  { pattern: AMOUNT, message: t('payment.amountInvalid') },
                  {
                    validator: (_r, v?: string) =>
                      v && AMOUNT.test(v) && (toCents(v) <= 0n || toCents(v) > toCents(p.open))
                        ? Promise.reject(new Error(t('financeError.field.allocations_amount')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <InputNumber<string>
                  stringMode
                  min="0"
                  precision={2}
                  style={{ width: '100%' }}
                  data-testid={`allocation-amount-${p.invoice.number}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
    </>
  );
}
