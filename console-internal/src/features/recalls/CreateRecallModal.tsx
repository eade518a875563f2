import { useState } from 'react';
import { Alert, AutoComplete, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RecallSeverity } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  CreateRecallDocument,
  RecallLotsDocument,
  RecallProductsDocument,
  RecallReachPreviewDocument,
  RecallsDocument,
} from '../../gql/graphql';

interface Values {
  productId: string;
  batchNo?: string;
  serialNo?: string;
  reason: string;
  severity: RecallSeverity;
  instructions: string;
}

/** Issues a recall: a product, its batch (or a serial) picked from what the channel moved, the reach previewed first. */
export function CreateRecallModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const productId = Form.useWatch('productId', form);
  const batchNo = Form.useWatch('batchNo', form)?.trim() || undefined;
  const serialNo = Form.useWatch('serialNo', form)?.trim() || undefined;
  const products = useQuery(RecallProductsDocument, { variables: { search: search || undefined } }).data;
  const lots = useQuery(RecallLotsDocument, {
    variables: { productId: productId ?? '', search: serialNo ?? batchNo ?? '' },
    skip: !productId,
  }).data;
  const preview = useQuery(RecallReachPreviewDocument, {
    variables: { productId: productId ?? '', batchNo, serialNo },
    skip: !productId || !(batchNo || serialNo),
  }).data?.recallReachPreview;
  const [create, { loading }] = useMutation(CreateRecallDocument, { refetchQueries: [RecallsDocument] });
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose,
    loading,
    fields: ['productId', 'batchNo', 'serialNo', 'reason', 'severity', 'instructions'],
    // one request key per opened form: a retried issue answers the same recall
    send: async (v, idempotencyKey) => {
      const r = await create({ variables: { input: { ...v, idempotencyKey } } });
      if (r.data) onCreated(r.data.createRecall.id);
    },
  });
  const lotOptions = (lots?.recallLots ?? []).map((l) => ({
    value: l.serialNo ?? l.batchNo ?? '',
    label: `${[l.batchNo, l.serialNo].filter(Boolean).join(' / ')} · ${t('recall.lotDistributors', { count: l.distributorCount })}`,
  }));
  return (
    <FormModal {...shell} title={t('recall.new')} submitText={t('recall.create')} testId="create-recall">
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={clearFailure}
        initialValues={{ severity: RecallSeverity.CLASS_II }}
      >
        <Form.Item name="productId" label={t('recall.product')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('recall.productSearch')}
            options={(products?.products.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
          />
        </Form.Item>
        <Form.Item name="batchNo" label={t('recall.batchNo')} extra={t('recall.lotHint')}>
          <AutoComplete options={serialNo ? [] : lotOptions.filter((o) => !o.label.includes(' / '))} />
        </Form.Item>
        <Form.Item
          name="serialNo"
          label={t('recall.serialNo')}
          dependencies={['batchNo']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value?.trim() || getFieldValue('batchNo')?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('recall.lotRequired'))),
            }),
          ]}
        >
          <AutoComplete options={serialNo ? lotOptions.filter((o) => o.label.includes(' / ')) : []} />
        </Form.Item>
        {preview && (
          <Alert
            type={preview.distributorCount ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="recall-preview"
            title={
              preview.distributorCount
                ? t('recall.preview', {
                    distributors: preview.distributorCount,
                    hospitals: preview.hospitalCount,
                    held: preview.held,
                    sold: preview.sold,
                  })
                : t('recall.previewNone')
            }
          />
        )}
        <Form.Item name="severity" label={t('recall.severity')} rules={[{ required: true }]}>
          <Select
            options={Object.values(RecallSeverity).map((s) => ({ value: s, label: t(`recall.severityValue.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('recall.reason')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="instructions" label={t('recall.instructions')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
