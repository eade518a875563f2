// The hospital pages' own words (the app's `hospital.*` stay in its locale files) and the
// compliance reasons, worded once in web-shared's order strings.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addOrderStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
