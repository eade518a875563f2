// The words about the signal and a new version, loaded with the shell and the lists that use them
// rather than in the first load.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
