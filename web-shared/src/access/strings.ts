import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the hand-over words both apps use, once, when the panel first shows (a call, not a
 * side-effect import: web-shared is `sideEffects: false`).
 */
export function addHandoverStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
