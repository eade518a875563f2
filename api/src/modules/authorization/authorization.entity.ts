import { Column, Entity, VersionColumn } from 'typeorm';
import { AuthorizationKind, AuthorizationStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/**
 * 授权: a distributor may sell these product lines / products in these regions / named hospitals
 * over this period. Temporary or formal, exclusive or not; revoked from a date, never deleted.
 */
@Entity('authorization_grant')
export class AuthorizationGrant extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AuthorizationKind;

  @Column({ type: 'boolean', default: false })
  exclusive: boolean;

  @Column({ name: 'product_line_ids', type: 'uuid', array: true, default: () => "'{}'" })
  productLineIds: string[];

  @Column({ name: 'product_ids', type: 'uuid', array: true, default: () => "'{}'" })
  productIds: string[];

  @Column({ name: 'region_ids', type: 'uuid', array: true, default: () => "'{}'" })
  regionIds: string[];

  @Column({ name: 'hospital_ids', type: 'uuid', array: true, default: () => "'{}'" })
  hospitalIds: string[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  /** From this date on the grant no longer applies. */
  @Column({ name: 'revoked_from', type: 'date', nullable: true })
  revokedFrom: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  @VersionColumn()
  version: number;
}

/** Where a grant stands on a date. */
export function statusOn(
  g: Pick<AuthorizationGrant, 'validFrom' | 'validTo' | 'revokedFrom'>,
  on: string,
): AuthorizationStatus {
  if (g.revokedFrom && g.revokedFrom <= on) return AuthorizationStatus.REVOKED;
  if (on < g.validFrom) return AuthorizationStatus.SCHEDULED;
  if (on > g.validTo) return AuthorizationStatus.EXPIRED;
  return AuthorizationStatus.ACTIVE;
}

/** The last day a grant applies: its end, or the day before its revocation. */
export function lastDay(g: Pick<AuthorizationGrant, 'validTo' | 'revokedFrom'>): string {
  if (!g.revokedFrom) return g.validTo;
  const d = new Date(`${g.revokedFrom}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const before = d.toISOString().slice(0, 10);
  return before < g.validTo ? before : g.validTo;
}
