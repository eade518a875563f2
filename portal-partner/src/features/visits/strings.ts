// The portal's visit words, loaded with the visit pages instead of the first load, over the visit
// words both apps share (co-visit statuses, commitment kinds and statuses, visibility) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addVisitStrings } from '@medchannel/web-shared/visits';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addVisitStrings();
