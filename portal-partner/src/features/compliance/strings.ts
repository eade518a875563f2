// The compliance screen's words; the reasons are worded once in web-shared's order strings.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addOrderStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
