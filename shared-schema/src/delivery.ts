/** Pre-sales work (售前支持) and delivery projects (交付项目) after a win. */

/** What an engineer's pre-sales hours were spent on. */
export enum PresalesKind {
  DEMO = 'DEMO',
  TECHNICAL_SUPPORT = 'TECHNICAL_SUPPORT',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}

/** A delivery project's milestones, done in this order: 到货 → 安装 → 验收 → 科室培训. */
export enum MilestoneKind {
  DELIVERY = 'DELIVERY',
  INSTALLATION = 'INSTALLATION',
  ACCEPTANCE = 'ACCEPTANCE',
  STAFF_TRAINING = 'STAFF_TRAINING',
}

export const MILESTONE_ORDER: readonly MilestoneKind[] = [
  MilestoneKind.DELIVERY,
  MilestoneKind.INSTALLATION,
  MilestoneKind.ACCEPTANCE,
  MilestoneKind.STAFF_TRAINING,
];

/** A project is IN_PROGRESS until its last milestone is done (derived, never stored). */
export enum DeliveryStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

/** A file on a milestone: the signed acceptance document (验收单), or a photo. */
export enum DeliveryFileKind {
  ACCEPTANCE_DOCUMENT = 'ACCEPTANCE_DOCUMENT',
  PHOTO = 'PHOTO',
}

/** The most hours one entry of pre-sales work may hold (one day's). */
export const MAX_PRESALES_HOURS = '24';
