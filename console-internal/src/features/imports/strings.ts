// The import screen's words, loaded with it (addFeatureStrings); the export buttons' two words stay
// in the app's locale, beside the lists that use them.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
