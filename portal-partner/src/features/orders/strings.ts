// The portal's order words, loaded with the order pages instead of the first load, over the
// order words both apps share (statuses, kinds, compliance reasons) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addOrderStrings();
