// Orders, as both apps show them: loaded with order screens only, never in the first load.
// An app's order screens call addOrderStrings() (once) before they render order words.
export { addOrderStrings } from './strings';
export { OrderStatusTag } from './OrderStatusTag';
export { OrderTimeline, type OrderTimelineEvent } from './OrderTimeline';
export { refusedLines, type RefusedLine } from './errors';
