// The order desk's words (its actions, shipments, and how it words refusals), loaded with
// its pages over the order words both apps share; a submitted order is 待审批 to the desk.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addOrderStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
