import { Form } from 'antd';
import { useFormSubmit, type FormSubmitOptions } from '@medchannel/web-shared/kernel';
import { type ProductRow } from './useProductList';

/**
 * A modal form acting on one product of the catalogue (renew its certificate, set a tier's price):
 * open while a product is given, which `send` acts on.
 */
export function useProductRowForm<V>({
  product,
  send,
  ...options
}: Pick<FormSubmitOptions<V>, 'onClose' | 'loading' | 'errors' | 'fields' | 'done'> & {
  product: ProductRow | null;
  send: (values: V, product: ProductRow) => Promise<unknown>;
}) {
  const [form] = Form.useForm<V>();
  return useFormSubmit<V>({
    ...options,
    form,
    open: product !== null,
    send: async (values) => {
      if (product) await send(values, product);
    },
  });
}
