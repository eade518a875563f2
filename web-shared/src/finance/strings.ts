import { addFeatureStrings } from '../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

let added = false;

/**
 * Adds the account words both apps use (statement, dispute and invoice statuses, ledger entry
 * kinds, payment methods), once, without replacing an app's own wording of the same key. A call,
 * not a side-effect import: web-shared is `sideEffects: false` (see ../orders/strings.ts).
 */
export function addFinanceStrings(): void {
  if (added) return;
  added = true;
  addFeatureStrings({ 'zh-CN': zhCN, en }, { overwrite: false });
}
