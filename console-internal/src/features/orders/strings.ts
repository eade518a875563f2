// The order desk's words (statuses, actions, shipments, credit), loaded with its pages: see addFeatureStrings.
import { addFeatureStrings } from '../../app/i18n';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
