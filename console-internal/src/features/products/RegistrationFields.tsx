import { DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The certificate a new product is registered under; later ones come by renewal. */
export function FirstRegistration() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="registrationNo"
        label={t('product.registrationNo')}
        extra={t('product.registrationHint')}
        rules={[{ required: true, whitespace: true, message: t('product.registrationNoRequired') }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <ValidityFields from="registrationValidFrom" to="registrationValidTo" />
    </>
  );
}

/** A certificate's validity: from, and to no earlier than from. */
export function ValidityFields({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact block>
      <Form.Item
        name={from}
        label={t('product.validFrom')}
        style={{ width: '50%' }}
        rules={[{ required: true, message: t('product.validFromRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name={to}
        label={t('product.validTo')}
        style={{ width: '50%' }}
        dependencies={[from]}
        rules={[
          { required: true, message: t('product.validToRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v?: Dayjs) => {
              const start = getFieldValue(from) as Dayjs | undefined;
              return v && start && day(v) < day(start)
                ? Promise.reject(new Error(t('product.validToBeforeFrom')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Space.Compact>
  );
}
