import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlTag, localeOfLanguage, useFormat } from '@medchannel/web-shared';
import { signOf } from '@medchannel/web-shared/kernel';

/** useFormat plus what accounts need: a month ("2026年10月"), and an entry's amount with its sign. */
export function useAccountFormat() {
  const format = useFormat();
  const { i18n } = useTranslation();
  const tag = intlTag(localeOfLanguage(i18n.language));
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    return {
      ...format,
      /** "YYYY-MM" as the locale names a month */
      period: (period: string) => month.format(new Date(`${period}-01T00:00:00Z`)),
      /** "+¥59,200.00" adds to what is owed, "-¥3,000.00" takes off it */
      signed: (amount: string, currency: string) => `${signOf(amount) > 0 ? '+' : ''}${format.money(amount, currency)}`,
    };
  }, [format, tag]);
}
