// The words of 试用 (trials), loaded with the opportunity page and the trials list.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
