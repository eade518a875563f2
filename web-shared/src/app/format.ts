import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlTag, localeOfLanguage } from './locale';
import { CHINA_TIME_ZONE } from '../kernel/dates';
import { DEFAULT_CURRENCY, type Money } from '../kernel/money';

/**
 * Dates, numbers and money per the current locale, always through Intl; every formatter answers a
 * string. The business calendar is China time: both apps show dates and times in it wherever the
 * browser is, and a time says so. Day arithmetic (today in China, a week's Monday) is the kernel's.
 */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const tag = intlTag(localeOfLanguage(i18n.language));
  const zone = t('time.chinaTime');
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(tag, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: CHINA_TIME_ZONE,
    });
    const time = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: CHINA_TIME_ZONE });
    const dateTime = { format: (d: Date) => `${time.format(d)} ${zone}` };
    const number = new Intl.NumberFormat(tag);
    return {
      /** An instant's or a day's date, in China */
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
      /** An instant's date and time of day, in China, saying so */
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
      number: (n: number) => number.format(n),
      /**
       * An amount, as Money or as a decimal string with its currency. Amounts travel as decimal
       * strings; Intl formats them without float arithmetic on our side.
       */
      money: (amount: string | Money, currency = DEFAULT_CURRENCY) => {
        const m = typeof amount === 'string' ? { amount, currency } : amount;
        return new Intl.NumberFormat(tag, { style: 'currency', currency: m.currency }).format(
          m.amount as unknown as number,
        );
      },
    };
  }, [tag, zone]);
}
