// The portal's training words, loaded with the training pages instead of the first load, over the
// training words both apps share (course kinds, enrollment statuses, certificate states) from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addTrainingStrings } from '@medchannel/web-shared/training';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addTrainingStrings();
