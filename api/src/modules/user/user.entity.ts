import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Locale, Role, Side } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/**
 * A person who logs in. Brand users (side BRAND) work in the console and see by role and region;
 * partner users (side PARTNER) belong to one distributor and work in the portal.
 */
@Entity('app_user')
export class User extends TenantEntity {
  /** Stored lower-cased; unique across brands so one person logs in once. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  side: Side;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index()
  @Column({ name: 'distributor_id', type: 'uuid', nullable: true })
  distributorId: string | null;

  @Column({ type: 'varchar', length: 8, default: Locale.ZH_CN })
  locale: Locale;

  /** A rep sees the distributor's invoices, payments and statements only when the owner grants it. */
  @Column({ name: 'finance_access', type: 'boolean', default: false })
  financeAccess: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @VersionColumn()
  version: number;
}

/** The regions a brand user covers. A province covers its cities. */
@Entity('user_region')
@Index(['userId', 'regionId'], { unique: true })
export class UserRegion {
  @Column({ type: 'uuid', primary: true, default: () => 'gen_random_uuid()' })
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
