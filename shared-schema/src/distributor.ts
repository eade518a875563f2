/** The channel lifecycle (docs/domain.md, "The lifecycle") and its allowed transitions. */
export enum DistributorStage {
  PROSPECT = 'PROSPECT',
  SCREENING = 'SCREENING',
  NEGOTIATING = 'NEGOTIATING',
  TEMP_AUTHORIZED = 'TEMP_AUTHORIZED',
  TRIAL = 'TRIAL',
  FORMAL = 'FORMAL',
  UNDER_REVIEW = 'UNDER_REVIEW',
  EXITING = 'EXITING',
  TERMINATED = 'TERMINATED',
}

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
}

/** The lifecycle moves a distributor may make; anything else is refused. */
export const STAGE_TRANSITIONS: Record<DistributorStage, DistributorStage[]> = {
  [DistributorStage.PROSPECT]: [DistributorStage.SCREENING, DistributorStage.TERMINATED],
  [DistributorStage.SCREENING]: [DistributorStage.NEGOTIATING, DistributorStage.TERMINATED],
  [DistributorStage.NEGOTIATING]: [
    DistributorStage.TEMP_AUTHORIZED,
    DistributorStage.SCREENING,
    DistributorStage.TERMINATED,
  ],
  [DistributorStage.TEMP_AUTHORIZED]: [DistributorStage.TRIAL, DistributorStage.FORMAL, DistributorStage.EXITING],
  [DistributorStage.TRIAL]: [DistributorStage.FORMAL, DistributorStage.EXITING],
  [DistributorStage.FORMAL]: [DistributorStage.UNDER_REVIEW, DistributorStage.EXITING],
  [DistributorStage.UNDER_REVIEW]: [DistributorStage.FORMAL, DistributorStage.EXITING],
  [DistributorStage.EXITING]: [DistributorStage.TERMINATED, DistributorStage.UNDER_REVIEW],
  [DistributorStage.TERMINATED]: [],
};

export enum DistributorClassification {
  /** 终端强关系型 */
  STRONG_TERMINAL_RELATIONSHIP = 'STRONG_TERMINAL_RELATIONSHIP',
  /** 专业度高 */
  HIGHLY_PROFESSIONAL = 'HIGHLY_PROFESSIONAL',
  /** 合作意愿强 */
  STRONG_WILLINGNESS = 'STRONG_WILLINGNESS',
  /** 产品补足型 */
  PRODUCT_COMPLEMENT = 'PRODUCT_COMPLEMENT',
}
