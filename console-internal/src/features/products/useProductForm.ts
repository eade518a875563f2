import { App, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, ProductKind, type DeviceClass } from '@medchannel/shared-schema';
import { useFormSubmit } from '@medchannel/web-shared/kernel';
import { CreateProductDocument, ProductLinesDocument, UpdateProductDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';
import { day } from './RegistrationFields';

export interface ProductValues {
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
} satisfies Record<keyof ProductValues, 1>);
const ERRORS = { reload: ['Product'], stale: [ErrorReason.STALE_VERSION] };

/** The product form's state: its lines to pick from, the values it starts with, and the create or update it sends. */
export function useProductForm({
  open,
  onClose,
  product,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  product?: ProductRow | null;
  onCreated?: (id: string, code: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductValues>();
  const lines = useQuery(ProductLinesDocument, { skip: !open });
  const [create, created] = useMutation(CreateProductDocument, { refetchQueries: ['Products'] });
  const [update, updated] = useMutation(UpdateProductDocument, { refetchQueries: ['Products'] });
  const { shell, formProps } = useFormSubmit<ProductValues>({
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
  const initialValues = product
    ? {
        ...product,
        productLineId: product.productLine.id,
        udiDi: product.udiDi ?? undefined,
        listPrice: product.listPrice.amount,
      }
    : { kind: ProductKind.CONSUMABLE };
  const lineOptions = (lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }));
  return { shell, formProps, initialValues, lineOptions, linesLoading: lines.loading };
}
