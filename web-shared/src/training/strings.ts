import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the training words both apps use (course kinds, version and enrollment statuses, question
 * and material kinds, dashboard groupings, certificate states, and the CERTIFICATION_REQUIRED and
 * ATTEMPTS_EXHAUSTED reasons), once, without replacing an app's own wording of the same key. A
 * call, not a side-effect import: web-shared is `sideEffects: false` (see ../orders/strings.ts).
 */
export function addTrainingStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
