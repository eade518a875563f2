import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the words of 试用 and 招标 both apps use, once, without replacing an app's own wording of the
 * same key. A call, not a side-effect import: web-shared is `sideEffects: false` (see ../orders/strings.ts).
 */
export function addOpportunityStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
