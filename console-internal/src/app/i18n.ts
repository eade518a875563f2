import { initI18n } from '@medchannel/web-shared';
import zhCN from '../locales/zh-CN.json';

/**
 * This app's strings over the shared ones (login, states, errors, roles) in web-shared/src/locales.
 * English is fetched only when chosen; render once the stored language's words are in.
 */
export const i18nReady = initI18n({ 'zh-CN': zhCN, en: () => import('../locales/en.json') });
