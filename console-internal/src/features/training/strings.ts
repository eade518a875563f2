// Training's words (courses, the editor, assigning, the dashboards, how it words refusals), loaded
// with its pages over the training words both apps share (kinds, statuses) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addTrainingStrings } from '@medchannel/web-shared/training';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addTrainingStrings();
addFeatureStrings({ 'zh-CN': zhCN, en });
