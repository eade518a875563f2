// The words of 库存 (stock, its movements, selling out by scan), loaded with its pages.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
