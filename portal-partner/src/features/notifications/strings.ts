// The inbox's words, loaded with its page instead of the first load; notices name order statuses
// and commitment kinds.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import { addVisitStrings } from '@medchannel/web-shared/visits';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addOrderStrings();
addVisitStrings();
