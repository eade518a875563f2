import { Alert, Form, InputNumber, Table } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { LoadingState } from '@medchannel/web-shared/states';
import { ExitStockLotsDocument, RecordExitReturnDocument } from '../../gql/graphql';

interface Values {
  lots: Array<{ quantity?: number | null; unitPrice?: string | null }>;
}

/**
 * Buys stock back: the distributor's lots on hand, each with the units coming back and the price
 * the brand credits. One return, one credit note; the request key of the opening makes a retry post once.
 */
export function ExitReturnModal({
  open,
  planId,
  distributorId,
  onClose,
}: {
  open: boolean;
  planId: string;
  distributorId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const stock = useQuery(ExitStockLotsDocument, {
    variables: { distributorId },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const lots = (stock.data?.channelStock.nodes ?? []).filter((l) => l.quantity > 0);
  const [record, { loading }] = useMutation(RecordExitReturnDocument, { refetchQueries: ['ExitStockLots'] });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading,
    errors: { prefix: 'exit.error', reload: ['ExitPlan'] },
    fields: () => undefined,
    send: async (v, key) => {
      const lines = lots
        .map((lot, i) => ({ lot, entry: v.lots?.[i] }))
        .filter(({ entry }) => entry?.quantity && entry.quantity > 0)
        .map(({ lot, entry }) => ({
          productId: lot.productId,
          batchNo: lot.batchNo || null,
          serialNo: lot.serialNo || null,
          quantity: entry!.quantity!,
          unitPrice: entry!.unitPrice ?? '0',
        }));
      if (!lines.length) {
        form.setFields([{ name: ['lots', 0, 'quantity'], errors: [t('exit.returnNothing')] }]);
        return;
      }
      await record({ variables: { input: { planId, lines, idempotencyKey: key } } });
      onClose();
    },
  });
  return (
    <FormModal
      {...shell}
      title={t('exit.returnTitle')}
      submitText={t('exit.returnSubmit')}
      testId="exit-return-form"
      width={860}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('exit.returnHelp')} />
      {stock.loading && !stock.data ? (
        <LoadingState />
      ) : (
        <Form<Values> form={form} preserve={false} onValuesChange={clearFailure}>
          <Table
            rowKey={(l) => `${l.productId}|${l.batchNo}|${l.serialNo}`}
            size="small"
            pagination={false}
            dataSource={lots}
            locale={{ emptyText: t('exit.noStock') }}
            columns={[
              { title: t('exit.product'), key: 'product', render: (_, l) => l.productName },
              { title: t('exit.batch'), key: 'batch', render: (_, l) => l.batchNo || '—' },
              { title: t('exit.serial'), key: 'serial', render: (_, l) => l.serialNo || '—' },
              { title: t('exit.onHand'), key: 'onHand', align: 'right', render: (_, l) => l.quantity },
              {
                title: t('exit.quantity'),
                key: 'quantity',
                render: (_, l, i) => (
                  <Form.Item name={['lots', i, 'quantity']} noStyle>
                    <InputNumber
                      min={0}
                      max={l.quantity}
                      precision={0}
                      aria-label={`${t('exit.quantity')} ${l.batchNo || l.serialNo}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('exit.unitPrice'),
                key: 'price',
                render: (_, l, i) => (
                  <Form.Item name={['lots', i, 'unitPrice']} noStyle>
                    <InputNumber<string>
                      stringMode
                      min="0"
                      precision={2}
                      prefix="¥"
                      aria-label={`${t('exit.unitPrice')} ${l.batchNo || l.serialNo}`}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form>
      )}
    </FormModal>
  );
}
