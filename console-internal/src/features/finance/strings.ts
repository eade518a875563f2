// Finance's words (tabs, aging, the calendar, disputes, invoices, payments, statements, the ERP
// exchange, how it words refusals), loaded with its pages over the account words both apps share.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addFinanceStrings } from '@medchannel/web-shared/finance';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFinanceStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
