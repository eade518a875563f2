import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';
import { LANGUAGE, storedLocale } from './locale';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: LANGUAGE[storedLocale()],
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function onLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}
onLanguage(i18n.language);
i18n.on('languageChanged', onLanguage);

export default i18n;
