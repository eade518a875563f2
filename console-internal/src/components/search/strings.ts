// The top bar search's words, loaded with the signed-in shell.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
