// The distributor pages' words for reassigning channel managers and keeping qualifications (the
// app's `distributor.*` and `qualification.*` stay in its locale files).
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
