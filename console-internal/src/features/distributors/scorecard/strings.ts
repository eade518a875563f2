// The words of 季度评分 and 调级 (scorecards and re-tiering), loaded with the pages that show them.
import { addFeatureStrings } from '@medchannel/web-shared';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
