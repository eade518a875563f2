// The portal's account words, loaded with the account pages instead of the first load, over the
// account words both apps share (statement, dispute and invoice statuses, ledger kinds) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addFinanceStrings } from '@medchannel/web-shared/finance';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addFinanceStrings();
