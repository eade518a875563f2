import { Locale, NotificationKind } from '@medchannel/shared-schema';

/**
 * A notice in words for a channel that is not an app (a group robot; the apps word notices
 * themselves from the same kind and params). Only facts that name the record are used (its
 * number, period, course, dates); a reason, a comment or a note's text never leaves the app.
 */
const WORDS: Record<NotificationKind, { zh: string; en: string }> = {
  ORDER_PLACED: { zh: '新订单 {number}', en: 'Order {number} placed' },
  ORDER_APPROVED: { zh: '订单 {number} 已审核通过', en: 'Order {number} approved' },
  ORDER_REJECTED: { zh: '订单 {number} 被驳回', en: 'Order {number} rejected' },
  ORDER_SHIPPED: { zh: '订单 {number} 已发货', en: 'Order {number} shipped' },
  ORDER_CANCELLED: { zh: '订单 {number} 已取消', en: 'Order {number} cancelled' },
  TRAINING_ASSIGNED: { zh: '新的培训课程：{course}', en: 'New course to take: {course}' },
  TRAINING_DUE_SOON: { zh: '课程 {course} 将于 {dueOn} 到期', en: 'Course {course} is due on {dueOn}' },
  TRAINING_OVERDUE: { zh: '培训已逾期：{course}', en: 'Training overdue: {course}' },
  CO_VISIT_PROPOSED: { zh: '有新的协访邀请，请答复', en: 'A co-visit was proposed: please answer' },
  CO_VISIT_SLOT_PROPOSED: { zh: '协访有新的时间提议', en: 'Another time offered for a co-visit' },
  CO_VISIT_CONFIRMED: { zh: '协访已确认', en: 'Co-visit confirmed' },
  CO_VISIT_CANCELLED: { zh: '协访已取消', en: 'Co-visit cancelled' },
  VISIT_NOTE_CC: { zh: '{author} 抄送了一条拜访记录', en: "{author} CC'd a visit note" },
  VISIT_NOTE_COMMENTED: { zh: '{author} 评论了一条拜访记录', en: '{author} commented on a visit note' },
  VISIT_TASK_ASSIGNED: { zh: '{author} 分派了一项跟进任务', en: '{author} assigned a follow-up task' },
  COMMITMENT_ACKNOWLEDGED: { zh: '承诺已确认', en: 'Commitment acknowledged' },
  COMMITMENT_DISPUTED: { zh: '承诺有异议', en: 'Commitment disputed' },
  COMMITMENT_RESOLVED: { zh: '有异议的承诺已处理', en: 'Disputed commitment resolved' },
  STATEMENT_ISSUED: { zh: '{period} 对账单已出具，请核对', en: 'Statement for {period} issued: please check it' },
  STATEMENT_REISSUED: {
    zh: '{period} 对账单已重出（第 {version} 版）',
    en: 'Statement for {period} reissued (version {version})',
  },
  STATEMENT_DISPUTE_ANSWERED: {
    zh: '{period} 对账单第 {lineNo} 行的异议已答复',
    en: 'Dispute of line {lineNo} of the {period} statement answered',
  },
  QUALIFICATION_EXPIRING: {
    zh: '资质 {name} 将于 {validTo} 到期（{days} 天后）',
    en: 'Qualification {name} expires on {validTo} (in {days} days)',
  },
  QUALIFICATION_EXPIRED: { zh: '资质 {name} 已于 {validTo} 过期', en: 'Qualification {name} expired on {validTo}' },
  AUTHORIZATION_EXPIRING: {
    zh: '{name} 的授权将于 {validTo} 到期（{days} 天后）',
    en: 'The authorization of {name} ends on {validTo} (in {days} days)',
  },
  AUTHORIZATION_EXPIRED: {
    zh: '{name} 的授权已于 {validTo} 到期',
    en: 'The authorization of {name} ended on {validTo}',
  },
  OPPORTUNITY_REGISTERED: {
    zh: '{name} 的机会点提交了报备，请审批',
    en: 'An opportunity at {name} was registered: please decide',
  },
  OPPORTUNITY_REGISTRATION_APPROVED: {
    zh: '{name} 的项目报备已批准，保护至 {validTo}',
    en: 'The registration at {name} was approved: protected until {validTo}',
  },
  OPPORTUNITY_REGISTRATION_REJECTED: { zh: '{name} 的项目报备被驳回', en: 'The registration at {name} was rejected' },
  TENDER_REGISTRATION_DUE: {
    zh: '招标 {name} 报名将于 {validTo} 截止（还有 {days} 天）',
    en: 'Tender {name}: registration closes on {validTo} (in {days} days)',
  },
  TENDER_OPENING_DUE: {
    zh: '招标 {name} 将于 {validTo} 开标（还有 {days} 天）',
    en: 'Tender {name}: bids open on {validTo} (in {days} days)',
  },
  TENDER_QUOTE_PENDING: {
    zh: '招标 {name} 有一条低于底价的投标报价待您审批',
    en: 'A bid quote below the floor price for tender {name} waits for your approval',
  },
  TENDER_QUOTE_APPROVED: {
    zh: '您在招标 {name} 的投标报价已批准',
    en: 'Your bid quote for tender {name} was approved',
  },
  TENDER_QUOTE_REJECTED: {
    zh: '您在招标 {name} 的投标报价被驳回',
    en: 'Your bid quote for tender {name} was rejected',
  },
  STOCK_NEAR_EXPIRY: {
    zh: '{name} 批号 {batch} 的库存 {quantity} 件将于 {validTo} 到期（还有 {days} 天）',
    en: '{quantity} of {name} batch {batch} in stock expire on {validTo} (in {days} days)',
  },
  RECALL_ISSUED: {
    zh: '{name} 批号/序列号 {lot} 已召回，请在门户查看并确认',
    en: '{name} lot {lot} is recalled: read and acknowledge it in the portal',
  },
  REGISTRATION_EXPIRING: {
    zh: '{name} 的注册证将于 {validTo} 到期（{days} 天后）',
    en: 'The registration certificate of {name} expires on {validTo} (in {days} days)',
  },
  REGISTRATION_EXPIRED: {
    zh: '{name} 的注册证已于 {validTo} 过期',
    en: 'The registration certificate of {name} expired on {validTo}',
  },
};

/** The params a message outside the apps may carry. */
const SAFE = new Set([
  'number',
  'course',
  'dueOn',
  'period',
  'version',
  'lineNo',
  'author',
  'name',
  'validTo',
  'days',
  'lot',
]);

export function noticeLine(kind: NotificationKind, params: Record<string, string>, locale: Locale): string {
  const words = WORDS[kind] ?? { zh: '新通知', en: 'New notice' };
  const text = locale === Locale.EN ? words.en : words.zh;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (SAFE.has(name) ? (params[name] ?? '') : ''));
}

export const DIGEST_TITLE = { zh: 'MedChannel 每日通知汇总 {day}', en: 'MedChannel daily digest {day}' };
