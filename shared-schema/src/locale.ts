export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}

/** BCP 47 tag for Intl formatting of dates, numbers and money. */
export const LOCALE_TAG: Record<Locale, string> = {
  [Locale.ZH_CN]: 'zh-CN',
  [Locale.EN]: 'en-US',
};

export const DEFAULT_LOCALE = Locale.ZH_CN;
