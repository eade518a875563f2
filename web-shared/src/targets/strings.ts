import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the words of a target's monthly series both apps show, once. A call, not a side-effect
 * import: web-shared is `sideEffects: false` (see ../orders/strings.ts).
 */
export function addTargetStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
