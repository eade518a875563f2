import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the order words both apps use (statuses, kinds, timeline moves, compliance reasons, order
 * errors), once, when the first order screen loads. They never replace an app's own wording of
 * the same key. A call, not a side-effect import: web-shared is `sideEffects: false`, so a bare
 * `import './strings'` would be dropped from the bundle.
 */
export function addOrderStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
