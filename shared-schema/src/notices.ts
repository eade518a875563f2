import { NotificationKind } from './orders.js';
import { Side } from './roles.js';

/**
 * Where a notice reaches a person. IN_APP is the inbox (both apps); GROUP_ROBOT posts to the
 * WeCom / DingTalk group of the person's brand or distributor; EMAIL mails the person (through the
 * API's mail outbox), at once or in a daily digest of what is still unread.
 */
export enum NotificationChannel {
  IN_APP = 'IN_APP',
  GROUP_ROBOT = 'GROUP_ROBOT',
  EMAIL = 'EMAIL',
}

/** How a person takes one kind of notice on one channel: at once, in the daily digest, or not at all. */
export enum NotificationDelivery {
  INSTANT = 'INSTANT',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}

/** The group chat a robot posts to. */
export enum RobotProvider {
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
}

/** The days before a qualification's, an authorization's or a registration certificate's last day on which its holder is told. */
export const EXPIRY_NOTICE_DAYS = [60, 30, 7] as const;

/** A course due within this many days (and not passed) is announced to its learner once. */
export const COURSE_DUE_SOON_DAYS = 3;

const K = NotificationKind;

/** The kinds each side may receive: what the preferences screens list. */
export const NOTICE_KINDS: Record<Side, readonly NotificationKind[]> = {
  [Side.BRAND]: [
    K.ORDER_PLACED,
    K.CO_VISIT_PROPOSED,
    K.CO_VISIT_SLOT_PROPOSED,
    K.CO_VISIT_CONFIRMED,
    K.CO_VISIT_CANCELLED,
    K.VISIT_NOTE_CC,
    K.VISIT_NOTE_COMMENTED,
    K.VISIT_TASK_ASSIGNED,
    K.COMMITMENT_ACKNOWLEDGED,
    K.COMMITMENT_DISPUTED,
    K.COMMITMENT_RESOLVED,
    K.QUALIFICATION_EXPIRING,
    K.QUALIFICATION_EXPIRED,
    K.AUTHORIZATION_EXPIRING,
    K.AUTHORIZATION_EXPIRED,
    K.OPPORTUNITY_REGISTERED,
    K.REGISTRATION_EXPIRING,
    K.REGISTRATION_EXPIRED,
    K.TENDER_REGISTRATION_DUE,
    K.TENDER_OPENING_DUE,
    K.TENDER_QUOTE_PENDING,
    K.TENDER_QUOTE_APPROVED,
    K.TENDER_QUOTE_REJECTED,
    K.STOCK_NEAR_EXPIRY,
  ],
  [Side.PARTNER]: [
    K.ORDER_PLACED,
    K.ORDER_APPROVED,
    K.ORDER_REJECTED,
    K.ORDER_SHIPPED,
    K.ORDER_CANCELLED,
    K.STATEMENT_ISSUED,
    K.STATEMENT_REISSUED,
    K.STATEMENT_DISPUTE_ANSWERED,
    K.TRAINING_ASSIGNED,
    K.TRAINING_DUE_SOON,
    K.TRAINING_OVERDUE,
    K.CO_VISIT_PROPOSED,
    K.CO_VISIT_SLOT_PROPOSED,
    K.CO_VISIT_CONFIRMED,
    K.CO_VISIT_CANCELLED,
    K.VISIT_NOTE_CC,
    K.VISIT_NOTE_COMMENTED,
    K.VISIT_TASK_ASSIGNED,
    K.COMMITMENT_RESOLVED,
    K.QUALIFICATION_EXPIRING,
    K.QUALIFICATION_EXPIRED,
    K.AUTHORIZATION_EXPIRING,
    K.AUTHORIZATION_EXPIRED,
    K.OPPORTUNITY_REGISTRATION_APPROVED,
    K.OPPORTUNITY_REGISTRATION_REJECTED,
    K.TENDER_REGISTRATION_DUE,
    K.TENDER_OPENING_DUE,
    K.TENDER_QUOTE_APPROVED,
    K.TENDER_QUOTE_REJECTED,
    K.STOCK_NEAR_EXPIRY,
    K.RECALL_ISSUED,
  ],
};

/** What a channel does with a kind nobody chose anything for. */
export const DEFAULT_DELIVERY: Record<NotificationChannel, NotificationDelivery> = {
  [NotificationChannel.IN_APP]: NotificationDelivery.INSTANT,
  [NotificationChannel.GROUP_ROBOT]: NotificationDelivery.INSTANT,
  // a person's mailbox is theirs: mail only for the kinds they ask for
  [NotificationChannel.EMAIL]: NotificationDelivery.OFF,
};
