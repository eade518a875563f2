import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { FormModal } from '@medchannel/web-shared/kernel';
import { type ProductRow } from './useProductList';
import { AMOUNT } from './amount';
import { FirstRegistration } from './RegistrationFields';
import { useProductForm, type ProductValues } from './useProductForm';

/** 新建产品 (with its first registration certificate) or 编辑 its own facts; the certificate is renewed apart. */
export function ProductFormModal(props: {
  open: boolean;
  onClose: () => void;
  /** the product edited; none to create one */
  product?: ProductRow | null;
  onCreated?: (id: string, code: string) => void;
}) {
  const { t } = useTranslation();
  const { product } = props;
  const { shell, formProps, initialValues, lineOptions, linesLoading } = useProductForm(props);
  const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }];

  return (
    <FormModal
      {...shell}
      width={640}
      title={product ? t('product.editTitle') : t('product.create')}
      submitText={t('action.save')}
      testId="product-form"
    >
      <Form<ProductValues> {...formProps} initialValues={initialValues}>
        <Space.Compact block>
          <Form.Item
            name="code"
            label={t('product.code')}
            style={{ width: '40%' }}
            rules={required('product.codeRequired')}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('product.productName')}
            style={{ width: '60%' }}
            rules={required('product.nameRequired')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="productLineId"
          label={t('product.line')}
          rules={[{ required: true, message: t('product.lineRequired') }]}
        >
          <Select loading={linesLoading} options={lineOptions} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="kind"
            label={t('product.kind')}
            style={{ width: '50%' }}
            rules={[{ required: true, message: t('product.kindRequired') }]}
          >
            <Select
              options={Object.values(ProductKind).map((k) => ({ value: k, label: t(`product.kindValue.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="deviceClass"
            label={t('product.deviceClass')}
            style={{ width: '50%' }}
            rules={[{ required: true, message: t('product.classRequired') }]}
          >
            <Select
              options={Object.values(DeviceClass).map((c) => ({
                value: c,
                label: t('product.classValue', { value: c }),
              }))}
            />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="listPrice"
            label={t('product.listPrice')}
            style={{ width: '50%' }}
            rules={[
              { required: true, message: t('product.listPriceRequired') },
              { pattern: AMOUNT, message: t('product.amountInvalid') },
            ]}
          >
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="udiDi" label={t('product.udiDi')} style={{ width: '50%' }}>
            <Input maxLength={80} />
          </Form.Item>
        </Space.Compact>
        {!product && <FirstRegistration />}
      </Form>
    </FormModal>
  );
}
