import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { FailureAlert, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  CountStocktakeBatchDocument,
  StocktakeProductOptionsDocument,
  type CountStocktakeBatchMutation,
} from '../../gql/graphql';
import { PLACEMENT_ERRORS } from './placementErrors';

interface Values {
  productId: string;
  batchNo?: string;
  counted: number;
}

type Counted = CountStocktakeBatchMutation['countStocktakeBatch'];

/**
 * 批次盘点: the distributor counts one batch it holds; the answer puts the count beside the stock its
 * movements derive, and the difference. Counting the same batch again while open replaces the count.
 */
export function CountBatch({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const products = useQuery(StocktakeProductOptionsDocument);
  const [count, { loading }] = useMutation(CountStocktakeBatchDocument);
  const [result, setResult] = useState<Counted | null>(null);
  const { clearFailure, shell } = useFormSubmit<Values>({
    form,
    open: true,
    onClose: () => form.resetFields(),
    loading,
    errors: PLACEMENT_ERRORS,
    fields: ['productId', 'batchNo', 'counted'],
    send: async (v) => {
      const sent = await count({
        variables: {
          campaignId,
          input: { productId: v.productId, batchNo: v.batchNo?.trim() || null, counted: v.counted },
        },
      });
      if (sent.data) setResult(sent.data.countStocktakeBatch);
    },
  });
  return (
    <Card size="small" title={t('placement.countTitle')} style={{ marginTop: 12 }} data-testid="stocktake-count">
      <FailureAlert failure={shell.failure} testId="stocktake-count-error" style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={shell.submit}
        onValuesChange={() => {
          clearFailure();
          setResult(null);
        }}
      >
        <Form.Item name="productId" label={t('placement.countProduct')} rules={[{ required: true }]}>
          <Select
            size="large"
            showSearch
            optionFilterProp="label"
            loading={products.loading}
            notFoundContent={products.error ? t('placement.productsFailed') : undefined}
            options={(products.data?.products.nodes ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} · ${p.code}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="batchNo" label={t('placement.countBatch')}>
          <Input size="large" maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="counted" label={t('placement.countQuantity')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000000} precision={0} size="large" style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={loading}>
          {t('placement.countSubmit')}
        </Button>
      </Form>
      {result && <CountResult result={result} />}
    </Card>
  );
}

function CountResult({ result }: { result: Counted }) {
  const { t } = useTranslation();
  const format = useFormat();
  const difference = result.counted - result.derived;
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginTop: 12 }}
      data-testid="stocktake-count-result"
      title={`${result.productName}${result.batchNo ? ` · ${result.batchNo}` : ''}`}
      items={[
        { key: 'counted', label: t('placement.countCounted'), children: format.number(result.counted) },
        { key: 'derived', label: t('placement.countDerived'), children: format.number(result.derived) },
        {
          key: 'difference',
          label: t('placement.countDifference'),
          children:
            difference === 0 ? t('placement.countMatches') : `${difference > 0 ? '+' : ''}${format.number(difference)}`,
        },
      ]}
    />
  );
}
