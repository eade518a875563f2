import { Form } from 'antd';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFormSubmit, type FormSubmitOptions } from '@medchannel/web-shared/kernel';

/** A hospital's forms reload the hospital, and say so when another change to it got there first. */
export const HOSPITAL_ERRORS = { reload: ['Hospital'], stale: [ErrorReason.STALE_VERSION] };

/**
 * A modal form on one part of a hospital (a contact, a department): the kernel's submit with the
 * hospital's errors, closed once `send` has gone through.
 */
export function useHospitalPartForm<V>({
  send,
  ...options
}: Pick<FormSubmitOptions<V>, 'open' | 'onClose' | 'loading' | 'fields'> & { send: (values: V) => Promise<unknown> }) {
  const [form] = Form.useForm<V>();
  return useFormSubmit<V>({
    ...options,
    form,
    errors: HOSPITAL_ERRORS,
    send: async (values) => {
      await send(values);
      options.onClose();
    },
  });
}
