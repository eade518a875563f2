import { initI18n } from '@medchannel/web-shared';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

/** This app's strings over the shared ones (login, states, errors, roles) in web-shared/src/locales. */
const i18n = initI18n({ 'zh-CN': zhCN, en });
export default i18n;

type Strings = { [key: string]: string | Strings };

/**
 * A lazily loaded feature's own words (features/<domain>/locales/), added when its chunk loads:
 * they travel with the feature instead of weighing on the first load, whose JS has a budget.
 * Import the feature's strings module before anything renders with them.
 */
export function addFeatureStrings(strings: { 'zh-CN': Strings; en: Strings }): void {
  for (const [lng, resources] of Object.entries(strings)) i18n.addResourceBundle(lng, 'translation', resources, true, true);
}
