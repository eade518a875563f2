import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlTag, localeOfLanguage } from './locale';

/** The business calendar: both apps show dates and times in China time, wherever the browser is. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Dates, numbers and money per the current locale, always through Intl. A time says it is China time. */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const tag = intlTag(localeOfLanguage(i18n.language));
  const zone = t('time.chinaTime');
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: CHINA_TIME_ZONE });
    const time = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: CHINA_TIME_ZONE });
    const dateTime = { format: (d: Date) => `${time.format(d)} ${zone}` };
    const number = new Intl.NumberFormat(tag);
    return {
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : ''),
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
      number: (n: number) => number.format(n),
      /** Amounts travel as decimal strings; Intl formats them without float arithmetic on our side. */
      money: (amount: string, currency = 'CNY') =>
        new Intl.NumberFormat(tag, { style: 'currency', currency }).format(amount as unknown as number),
    };
  }, [tag, zone]);
}
