import { useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ErrorReason } from '@medchannel/shared-schema';
import { useFeedback } from '../app/notice';
import { showFieldError, type FieldPlacement } from './fieldErrors';
import { newRequestKey } from './requestKey';
import { useCodedError, type CodedErrorOptions, type CodedFailure } from './useCodedError';

/** What a form shows above or below its fields when a failure names none of them. */
export type FormFailure = Pick<CodedFailure, 'message' | 'detail'> & Partial<Pick<CodedFailure, 'reason'>>;

export interface FormSubmitOptions<V> {
  form: FormInstance<V>;
  /** The modal or drawer is open: each opening starts clean, with a new request key */
  open: boolean;
  /** Closes the modal or drawer (its cancel); `send` calls it when done */
  onClose: () => void;
  /** The mutation is under way: a second click does nothing */
  loading: boolean;
  /** How the feature words its failures and what it reloads (see `useCodedError`) */
  errors?: CodedErrorOptions;
  /** Which form fields the server's field errors land on (see `showFieldError`) */
  fields: FieldPlacement;
  /** Field errors carry their detail beside the message */
  withDetail?: boolean;
  /**
   * Sends the checked values with the request key of this opening (kept through retries, so a double
   * click or a retried request acts once). Answer a failure to show it without sending anything.
   */
  send: (values: V, requestKey: string) => Promise<FormFailure | void>;
  /** Said once `send` has gone through, and the form then closed (`onClose`): leave it out where `send` closes it */
  done?: string;
  /** A failure the feature shows itself (answers true), before `fields` and the form's notice */
  onFailure?: (failure: CodedFailure, values: V) => boolean;
}

/**
 * The one submit of a form in a modal or drawer: check the fields, send once per request key,
 * put a coded failure on the field the server named, else keep it for the form's notice.
 */
export function useFormSubmit<V>(options: FormSubmitOptions<V>) {
  const { form, open, onClose, loading, errors, fields, withDetail, send, done, onFailure } = options;
  const feedback = useFeedback();
  const explain = useCodedError(errors);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const requestKey = useRef<string | null>(null);

  useEffect(() => {
    if (open) {
      requestKey.current = null;
      setFailure(null);
    }
  }, [open]);

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setFailure(null);
    requestKey.current ??= newRequestKey();
    try {
      const refused = await send(values, requestKey.current);
      if (refused) return setFailure(refused);
      requestKey.current = null;
      if (done !== undefined) {
        onClose();
        feedback.success(done);
      }
    } catch (error) {
      const f = explain(error);
      // A key already spent on another request is done with: the next attempt is a new request.
      if (f.reason === ErrorReason.IDEMPOTENCY_KEY_REUSED) requestKey.current = null;
      if (onFailure?.(f, values)) return;
      if (!showFieldError(form, f, fields, { withDetail })) setFailure(f);
    }
  };

  /** Clears the notice when the user edits the form (an antd `onValuesChange`). */
  const clearFailure = () => failure && setFailure(null);

  /** What FormModal and FormDrawer take from here: spread it onto them */
  const shell = { open, onClose, loading, failure, submit: () => void submit() };
  /**
   * What the modal's antd `<Form>` takes from here, to spread onto it: laid out vertically, its values
   * dropped when it closes (each opening starts clean), an edit clearing the notice.
   */
  const formProps = { form, layout: 'vertical' as const, preserve: false, onValuesChange: clearFailure };
  return { clearFailure, shell, formProps };
}
