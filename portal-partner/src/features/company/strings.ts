// The company page's own words (a document's proposed renewal, the second tier's account link), loaded with the
// page instead of the first load, over the app's company words.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
