// The visit desk's words (the week, planning, notes, the head's queues, how it words refusals),
// loaded with its pages over the visit words both apps share (statuses, kinds, visibility) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addVisitStrings } from '@medchannel/web-shared/visits';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addVisitStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
