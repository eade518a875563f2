// The words of 投放设备 and 盘点 (placed instruments, campaigns), loaded with its page; a placement's
// record and actions (移机, 换机, 归还) bring theirs from web-shared.
import { addFeatureStrings } from '@medchannel/web-shared';
import { addPlacementStrings } from '@medchannel/web-shared/placements';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

addFeatureStrings({ 'zh-CN': zhCN, en });
addPlacementStrings();
