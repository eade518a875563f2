import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the audit trail's words both apps use (columns, sides, kinds of record, actions), once,
 * without replacing an app's own wording of the same key. A call, not a side-effect import:
 * web-shared is `sideEffects: false` (see ../orders/strings.ts).
 */
export function addAuditStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
