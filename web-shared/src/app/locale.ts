import { DEFAULT_LOCALE, LOCALE_TAG, Locale } from '@medchannel/shared-schema';

/** Before login the choice lives in the browser; after login the user's `locale` wins. */
const STORAGE_KEY = 'medchannel.locale';

/** i18next language codes, named like the files in src/locales/. */
export const LANGUAGE: Record<Locale, string> = { [Locale.ZH_CN]: 'zh-CN', [Locale.EN]: 'en' };

export function isLocale(value: unknown): value is Locale {
  return value === Locale.ZH_CN || value === Locale.EN;
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function localeOfLanguage(language: string): Locale {
  return language === LANGUAGE[Locale.EN] ? Locale.EN : Locale.ZH_CN;
}

export function intlTag(locale: Locale): string {
  return LOCALE_TAG[locale];
}
