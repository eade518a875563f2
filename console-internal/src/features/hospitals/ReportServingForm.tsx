import { useState } from 'react';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { HospitalDocument, ReportHospitalServingDocument } from '../../gql/graphql';

interface Values {
  distributorName: string;
  products?: string;
}

/** 听说谁在服务: a distributor (by name, authorized or not) heard to serve the hospital, and what it sells there. */
export function ReportServingForm({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [report, { loading }] = useMutation(ReportHospitalServingDocument, {
    refetchQueries: [{ query: HospitalDocument, variables: { id: hospitalId } }],
  });

  const submit = async ({ distributorName, products }: Values) => {
    if (loading) return;
    setFailure(null);
    try {
      await report({
        variables: { hospitalId, distributorName: distributorName.trim(), products: products?.trim() || null },
      });
      form.resetFields();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 12 }}>
      <Flex gap={8} wrap align="end">
        <Form.Item
          name="distributorName"
          label={t('hospitalServing.distributor')}
          rules={[{ required: true, whitespace: true, message: t('hospitalServing.distributorRequired') }]}
          style={{ flex: '1 1 200px', marginBottom: 8 }}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="products" label={t('hospitalServing.products')} style={{ flex: '1 1 200px', marginBottom: 8 }}>
          <Input maxLength={500} placeholder={t('hospitalServing.productsPlaceholder')} />
        </Form.Item>
        <Button htmlType="submit" loading={loading} style={{ marginBottom: 8 }}>
          {t('hospitalServing.report')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Form>
  );
}
