import { Alert, Button, Col, DatePicker, Form, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ComplianceAnswer } from '@medchannel/web-shared/components';
import { chinaToday, useAskedQuestion, useCodedError } from '@medchannel/web-shared/kernel';
import { ComplianceCheckDocument, type ComplianceCheckQueryVariables } from '../../gql/graphql';
import { DistributorPicker } from '../../components/DistributorPicker';
import { HospitalPicker } from '../../components/HospitalPicker';
import { ProductPicker } from '../../components/ProductPicker';

interface Values {
  distributorId: string;
  productId: string;
  hospitalId: string;
  on: Dayjs;
}

/**
 * "Can distributor D sell product P to this hospital on date T?": yes, or every reason why not.
 * On a hospital's page the hospital is fixed; on its own screen it is asked for too.
 */
export function ComplianceQuestion({ hospitalId }: { hospitalId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { asked, ask, onValuesChange } = useAskedQuestion<Values, ComplianceCheckQueryVariables>((v) => ({
    distributorId: v.distributorId ?? '',
    productId: v.productId ?? '',
    hospitalId: hospitalId ?? v.hospitalId ?? '',
    on: v.on?.format('YYYY-MM-DD') ?? '',
  }));
  const { data, loading, error } = useQuery(ComplianceCheckDocument, { variables: asked!, skip: !asked });
  const explain = useCodedError();
  const answer = asked && data?.complianceCheck;
  const span = hospitalId ? 8 : 6;

  return (
    <>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs(chinaToday()) }}
        onFinish={ask}
        onValuesChange={onValuesChange}
        data-testid="compliance-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={span}>
            <Form.Item
              name="distributorId"
              label={t('compliance.distributor')}
              rules={[{ required: true, message: t('compliance.distributorRequired') }]}
            >
              <DistributorPicker
                placeholder={t('compliance.distributorSearch')}
                style={{ width: '100%' }}
                testId="compliance-distributor"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={span}>
            <Form.Item
              name="productId"
              label={t('compliance.product')}
              rules={[{ required: true, message: t('compliance.productRequired') }]}
            >
              <ProductPicker placeholder={t('compliance.productSearch')} testId="compliance-product" />
            </Form.Item>
          </Col>
          {!hospitalId && (
            <Col xs={24} md={span}>
              <Form.Item
                name="hospitalId"
                label={t('compliance.hospital')}
                rules={[{ required: true, message: t('compliance.hospitalRequired') }]}
              >
                <HospitalPicker placeholder={t('compliance.hospitalSearch')} testId="compliance-hospital" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={span}>
            <Form.Item
              name="on"
              label={t('compliance.on')}
              rules={[{ required: true, message: t('compliance.onRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="compliance-ask">
          {t('compliance.ask')}
        </Button>
      </Form>
      {asked && error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={explain(error).message} />}
      {answer && <ComplianceAnswer answer={answer} />}
    </>
  );
}
