import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the visit words both apps use (co-visit statuses, commitment kinds and statuses, note
 * visibility, the two sides, and the NOT_A_PARTICIPANT reason), once, without replacing an app's
 * own wording of the same key. A call, not a side-effect import: web-shared is `sideEffects: false`.
 */
export function addVisitStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
