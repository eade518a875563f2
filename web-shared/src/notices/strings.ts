import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the notice words both apps use (each kind's title, its details, the inbox, the settings
 * and the group robots), once, without replacing an app's own wording. A call, not a side-effect
 * import: web-shared is `sideEffects: false`.
 */
export function addNoticeStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
