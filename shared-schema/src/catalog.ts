export enum ProductKind {
  EQUIPMENT = 'EQUIPMENT',
  CONSUMABLE = 'CONSUMABLE',
}

export enum DeviceClass {
  I = 'I',
  II = 'II',
  III = 'III',
}

export enum QualificationType {
  BUSINESS_LICENSE = 'BUSINESS_LICENSE',
  /** 医疗器械经营许可证, needed for class III */
  OPERATING_LICENSE_III = 'OPERATING_LICENSE_III',
  /** 第二类医疗器械经营备案凭证, needed for class II */
  FILING_CERTIFICATE_II = 'FILING_CERTIFICATE_II',
  OTHER = 'OTHER',
}

export enum AuthorizationKind {
  TEMPORARY = 'TEMPORARY',
  FORMAL = 'FORMAL',
}

export enum AuthorizationStatus {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/** Why a distributor may not sell a product to a hospital on a date (the compliance service). */
export enum ComplianceReason {
  NO_AUTHORIZATION = 'NO_AUTHORIZATION',
  AUTHORIZATION_EXPIRED = 'AUTHORIZATION_EXPIRED',
  AUTHORIZATION_REVOKED = 'AUTHORIZATION_REVOKED',
  QUALIFICATION_MISSING = 'QUALIFICATION_MISSING',
  QUALIFICATION_EXPIRED = 'QUALIFICATION_EXPIRED',
  QUALIFICATION_SCOPE = 'QUALIFICATION_SCOPE',
  REGISTRATION_EXPIRED = 'REGISTRATION_EXPIRED',
  DISTRIBUTOR_INACTIVE = 'DISTRIBUTOR_INACTIVE',
}

/** How the hospitals list is sorted: by name unless asked for the largest (most beds) first. */
export enum HospitalSort {
  NAME = 'NAME',
  BEDS_MOST = 'BEDS_MOST',
}

export enum HospitalGrade {
  GRADE_3A = 'GRADE_3A',
  GRADE_3B = 'GRADE_3B',
  GRADE_2A = 'GRADE_2A',
  GRADE_2B = 'GRADE_2B',
  GRADE_1 = 'GRADE_1',
  UNGRADED = 'UNGRADED',
}

export enum DecisionRole {
  /** 设备科 */
  EQUIPMENT_HEAD = 'EQUIPMENT_HEAD',
  /** 科室主任 */
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  PURCHASING = 'PURCHASING',
  USER_DOCTOR = 'USER_DOCTOR',
  OTHER = 'OTHER',
}

export enum VolumeKind {
  SURGERY = 'SURGERY',
  TEST = 'TEST',
}

/** Where a hospital contact stands towards the brand (关系). */
export enum ContactRelation {
  /** 支持者: speaks for the brand inside the hospital */
  SUPPORTER = 'SUPPORTER',
  NEUTRAL = 'NEUTRAL',
  /** 倾向竞品 */
  OPPONENT = 'OPPONENT',
  UNKNOWN = 'UNKNOWN',
}

/** What a fact in a contact's history records. */
export enum ContactFactKind {
  ADDED = 'ADDED',
  CHANGED = 'CHANGED',
  RETIRED = 'RETIRED',
}
