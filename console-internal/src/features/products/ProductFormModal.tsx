import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DeviceClass, ErrorReason, ProductKind } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { CreateProductDocument, ProductLinesDocument, UpdateProductDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';
import { AMOUNT } from './amount';

interface Values {
  productLineId: string;
  code: string;
  name: string;
  kind: ProductKind;
  deviceClass: DeviceClass;
  udiDi?: string;
  listPrice: string;
  registrationNo: string;
  registrationValidFrom: Dayjs;
  registrationValidTo: Dayjs;
}

const FIELDS = Object.keys({
  productLineId: 1,
  code: 1,
  name: 1,
  kind: 1,
  deviceClass: 1,
  udiDi: 1,
  listPrice: 1,
  registrationNo: 1,
  registrationValidFrom: 1,
  registrationValidTo: 1,
} satisfies Record<keyof Values, 1>);
const ERRORS = { reload: ['Product'], stale: [ErrorReason.STALE_VERSION] };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 新建产品 (with its first registration certificate) or 编辑 its own facts; the certificate is renewed apart. */
export function ProductFormModal({
  open,
  onClose,
  product,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** the product edited; none to create one */
  product?: ProductRow | null;
  onCreated?: (id: string, code: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lines = useQuery(ProductLinesDocument, { skip: !open });
  const [create, created] = useMutation(CreateProductDocument, { refetchQueries: ['Products'] });
  const [update, updated] = useMutation(UpdateProductDocument, { refetchQueries: ['Products'] });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open,
    onClose,
    loading: created.loading || updated.loading,
    errors: ERRORS,
    fields: (field) => (FIELDS.includes(field) ? field : undefined),
    send: async (v) => {
      const facts = {
        productLineId: v.productLineId,
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        deviceClass: v.deviceClass,
        udiDi: v.udiDi?.trim() || null,
        listPrice: v.listPrice,
      };
      if (product) {
        await update({ variables: { id: product.id, input: { ...facts, expectedVersion: product.version } } });
        onClose();
        void message.success(t('product.saved'));
        return;
      }
      const { data } = await create({
        variables: {
          input: {
            ...facts,
            registrationNo: v.registrationNo.trim(),
            registrationValidFrom: day(v.registrationValidFrom),
            registrationValidTo: day(v.registrationValidTo),
          },
        },
      });
      onClose();
      void message.success(t('product.created', { name: data!.createProduct.name }));
      onCreated?.(data!.createProduct.id, data!.createProduct.code);
    },
  });
  const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }];

  return (
    <FormModal
      {...shell}
      width={640}
      title={product ? t('product.editTitle') : t('product.create')}
      submitText={t('action.save')}
      testId="product-form"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={clearFailure}
        initialValues={
          product
            ? {
                ...product,
                productLineId: product.productLine.id,
                udiDi: product.udiDi ?? undefined,
                listPrice: product.listPrice.amount,
              }
            : { kind: ProductKind.CONSUMABLE }
        }
      >
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
          <Select
            loading={lines.loading}
            options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
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

/** The certificate a new product is registered under; later ones come by renewal. */
function FirstRegistration() {
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
