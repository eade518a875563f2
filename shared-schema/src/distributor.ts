/** The channel lifecycle (DOMAIN.md). Part 3 adds the allowed transitions. */
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
