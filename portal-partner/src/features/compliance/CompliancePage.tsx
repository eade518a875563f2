import { Alert, Button, Card, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { ComplianceAnswer } from '@medchannel/web-shared/components';
import { chinaToday, useAskedQuestion, useCodedError } from '@medchannel/web-shared/kernel';
import {
  ComplianceHospitalsDocument,
  ComplianceProductsDocument,
  OwnComplianceDocument,
  type OwnComplianceQueryVariables,
} from '../../gql/graphql';
import { SearchPick } from './SearchPick';
import './strings';

interface Values {
  productId: string;
  hospitalId: string;
  on: Dayjs;
}

/** 合规查询 for the own distributor: may we sell product P at hospital H on date T? Yes, or every reason why not. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { asked, ask, onValuesChange } = useAskedQuestion<Values, OwnComplianceQueryVariables>((v) => ({
    distributorId: user.distributor!.id,
    productId: v.productId ?? '',
    hospitalId: v.hospitalId ?? '',
    on: v.on?.format('YYYY-MM-DD') ?? '',
  }));
  const { data, loading, error } = useQuery(OwnComplianceDocument, { variables: asked!, skip: !asked });
  const explain = useCodedError();
  const answer = asked && data?.complianceCheck;

  return (
    <Card title={t('compliance.title')}>
      <Typography.Paragraph type="secondary">{t('compliance.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs(chinaToday()) }}
        onValuesChange={onValuesChange}
        onFinish={ask}
      >
        <Form.Item
          name="productId"
          label={t('compliance.product')}
          rules={[{ required: true, message: t('compliance.productRequired') }]}
        >
          <SearchPick
            document={ComplianceProductsDocument}
            nodes={(d) => d.products.nodes}
            placeholder={t('compliance.productSearch')}
            testId="compliance-product"
          />
        </Form.Item>
        <Form.Item
          name="hospitalId"
          label={t('compliance.hospital')}
          rules={[{ required: true, message: t('compliance.hospitalRequired') }]}
        >
          <SearchPick
            document={ComplianceHospitalsDocument}
            nodes={(d) => d.hospitals.nodes}
            placeholder={t('compliance.hospitalSearch')}
            testId="compliance-hospital"
          />
        </Form.Item>
        <Form.Item name="on" label={t('compliance.on')} rules={[{ required: true }]}>
          <DatePicker size="large" allowClear={false} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" loading={loading}>
          {t('compliance.ask')}
        </Button>
      </Form>
      {asked && error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={explain(error).message} />}
      {answer && <ComplianceAnswer answer={answer} />}
    </Card>
  );
}
