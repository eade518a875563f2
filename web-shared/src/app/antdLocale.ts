import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import { alsoWithEnglish } from './i18n';

/** antd's own texts per i18next language; English is added with English's words (i18n.ts). */
const antdLocales: Record<string, AntdLocale> = { 'zh-CN': antdZhCN };

alsoWithEnglish(async () => {
  antdLocales.en = (await import('antd/es/locale/en_US')).default;
});

export function antdLocaleOf(lng: string): AntdLocale {
  return antdLocales[lng] ?? antdZhCN;
}
