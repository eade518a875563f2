import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedZhCN from '../locales/zh-CN.json';
import { Locale } from '@medchannel/shared-schema';
import { LANGUAGE, storeLocale, storedLocale } from './locale';

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

type Words = () => Promise<{ default: Messages }>;

/**
 * Chinese, the default, travels with the first load; English (the app's words, the shared ones and,
 * once the app's frame is loaded, antd's) is fetched the first time it is chosen, so a Chinese
 * user's phone never downloads it.
 */
let fetchEnglish: () => Promise<Messages> = () => Promise.resolve({});
const english: { loaded: Promise<void> | null } = { loaded: null };
/** What else English needs before it shows, besides the words (antd's texts: antdLocale.ts). */
const englishExtras: Array<() => Promise<void>> = [];

/**
 * Adds `load` to what English fetches. The portal's sign-in shell has no antd: when its user chose
 * English there, the frame's extra comes as the frame arrives, and setLanguage waits for it.
 */
export function alsoWithEnglish(load: () => Promise<void>): void {
  englishExtras.push(load);
  if (english.loaded)
    english.loaded = english.loaded.then(load).catch((error: unknown) => {
      english.loaded = null;
      throw error;
    });
}

function ensureLanguage(lng: string): Promise<void> {
  if (lng !== LANGUAGE[Locale.EN]) return Promise.resolve();
  // A failed fetch (a lost signal) is not remembered: the next choice of English tries again.
  english.loaded ??= Promise.all([fetchEnglish(), ...englishExtras.map((load) => load())]).then(
    ([words]) => {
      // The app's words win over a shared feature's that arrived first (addFeatureStrings' overwrite: false).
      i18n.addResourceBundle('en', 'translation', words, true, true);
    },
    (error: unknown) => {
      english.loaded = null;
      throw error;
    },
  );
  return english.loaded;
}

/** The language last asked for: a switch whose words arrive after a later choice does not undo it. */
let wanted: string | null = null;

/** Switch the language once its words are here (the words first, so nothing renders as a key). */
export async function setLanguage(lng: string): Promise<void> {
  wanted = lng;
  await ensureLanguage(lng);
  if (wanted === lng && i18n.language !== lng) await i18n.changeLanguage(lng);
}

/** A locale chosen or answered (the user's): kept in the browser, shown once its words are here. */
export function applyLocale(locale: Locale): void {
  storeLocale(locale);
  // Without a signal English may not arrive: the words stay as they are and the next choice tries again.
  // Asked even when it is the language shown: it must win over a switch still waiting for its words.
  setLanguage(LANGUAGE[locale]).catch(() => undefined);
}

/**
 * One i18next instance per app; the title follows `app.name`. Resolves once the stored language's
 * words are loaded: render after it. If English cannot be fetched, the app starts in Chinese.
 */
export async function initI18n(app: { 'zh-CN': Messages; en: Words }): Promise<typeof i18n> {
  fetchEnglish = async () => {
    const [shared, own] = await Promise.all([import('../locales/en.json'), app.en()]);
    return merge(shared.default, own.default);
  };
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: merge(sharedZhCN, app['zh-CN']) } } satisfies Resource,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const onLanguage = (language: string): void => {
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  };
  onLanguage(i18n.language);
  i18n.on('languageChanged', onLanguage);
  await setLanguage(LANGUAGE[storedLocale()]).catch(() => undefined);
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
