import { Col, DatePicker, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useFormat } from '@medchannel/web-shared';
import { DistributorField } from '../DistributorField';
import { chinaToday, FormDrawer, minus } from '@medchannel/web-shared/kernel';
import { InvoiceShipments } from './InvoiceShipments';
import { RATES, useIssueInvoice, type IssueInvoiceValues } from './useIssueInvoice';

interface Props {
  open: boolean;
  /** The distributor the list is filtered to, to start from */
  distributorId?: string;
  onClose: () => void;
}

/** Invoices shipments not yet invoiced: pick the distributor, tick its shipments, set the rate; the tax follows. */
export function IssueInvoiceDrawer({ open, distributorId: initial, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const invoice = useIssueInvoice(open, onClose);
  const { form, gross, net } = invoice;

  return (
    <FormDrawer
      {...invoice.shell}
      title={t('invoice.issueTitle')}
      submitText={t('invoice.issueSubmit')}
      testId="invoice"
      size={760}
    >
      <Form<IssueInvoiceValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ distributorId: initial, taxRate: RATES[0].value, issuedOn: dayjs(chinaToday()) }}
        onValuesChange={invoice.clearFailure}
      >
        <DistributorField testId="invoice-distributor" />
        <InvoiceShipments invoice={invoice} />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="taxRate" label={t('invoice.taxRate')}>
              <Select options={RATES} data-testid="invoice-tax-rate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="issuedOn"
              label={t('invoice.issuedOn')}
              rules={[{ required: true, message: t('invoice.issuedOnRequired') }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
                data-testid="invoice-issued-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="number" label={t('invoice.number')} extra={t('invoice.numberHelp')} rules={[{ max: 40 }]}>
              <Input maxLength={40} data-testid="invoice-number" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="externalRef" label={t('invoice.externalRef')} extra={t('invoice.externalRefHelp')}>
          <Input maxLength={100} data-testid="invoice-ref" />
        </Form.Item>
      </Form>
      <Descriptions size="small" column={3} bordered data-testid="invoice-preview">
        <Descriptions.Item label={t('invoice.gross')}>{format.money(gross)}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.net')}>{format.money(net)}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.tax')}>{format.money(minus(gross, net))}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('invoice.previewHelp')}
      </Typography.Text>
    </FormDrawer>
  );
}
