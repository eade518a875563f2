import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedZhCN from '../locales/zh-CN.json';
import sharedEn from '../locales/en.json';
import { LANGUAGE, storedLocale } from './locale';

type Messages = { [key: string]: string | Messages };

/** The app's strings over the shared ones (login, states, errors, roles): the app's word wins. */
function merge(shared: Messages, app: Messages): Messages {
  const out: Messages = { ...shared };
  for (const [key, value] of Object.entries(app)) {
    const base = out[key];
    out[key] = typeof value === 'object' && typeof base === 'object' ? merge(base, value) : value;
  }
  return out;
}

/** One i18next instance per app, started before the first render; the title follows `app.name`. */
export function initI18n(app: { 'zh-CN': Messages; en: Messages }): typeof i18n {
  const resources: Resource = {
    'zh-CN': { translation: merge(sharedZhCN, app['zh-CN']) },
    en: { translation: merge(sharedEn, app.en) },
  };
  void i18n.use(initReactI18next).init({
    resources,
    lng: LANGUAGE[storedLocale()],
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const onLanguage = (lng: string): void => {
    document.documentElement.lang = lng;
    document.title = i18n.t('app.name');
  };
  onLanguage(i18n.language);
  i18n.on('languageChanged', onLanguage);
  return i18n;
}

/**
 * A lazily loaded feature's own words (its locales/ folder), added when its chunk loads: they
 * travel with the feature instead of weighing on the first load, whose JS has a budget. Import
 * the module that calls this before anything renders with its words. `overwrite: false` adds
 * words without replacing an app's own (how web-shared's shared feature words defer to the app).
 */
export function addFeatureStrings(strings: { 'zh-CN': Messages; en: Messages }, { overwrite = true } = {}): void {
  for (const [lng, resources] of Object.entries(strings))
    i18n.addResourceBundle(lng, 'translation', resources, true, overwrite);
}

export { i18n };
