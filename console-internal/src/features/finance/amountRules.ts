import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { toCents } from '@medchannel/web-shared/kernel';

/**
 * The rules of a form's amount that must be above zero (a payment, an account credit): given, a
 * decimal of the form's `pattern` (two places at most), and more than 0.00.
 */
export function positiveAmountRules(t: TFunction, pattern: RegExp): FormRule[] {
  return [
    { required: true, message: t('payment.amountRequired') },
    { pattern, message: t('payment.amountInvalid') },
    {
      validator: (_, v?: string) =>
        v && pattern.test(v) && toCents(v) <= 0n
          ? Promise.reject(new Error(t('financeError.field.amount')))
          : Promise.resolve(),
    },
  ];
}
