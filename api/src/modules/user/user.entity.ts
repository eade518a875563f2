import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Locale, Role, Side } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/**
 * Who signs in: one e-mail and one password, whatever brands the person works for. Each brand the
 * person works for is a membership (`User`); a session belongs to one membership.
 */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique, so one address signs in once. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  /** Empty while the person has never set a password (an open invitation). */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A person's membership of one brand: its side, role and (partner side) distributor. Brand users
 * (side BRAND) work in the console and see by role and region; partner users (side PARTNER) belong
 * to one distributor and work in the portal. The scope is the membership's.
 */
@Entity('app_user')
export class User extends TenantEntity {
  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The person's address (lower-cased), copied here by the database; unique within a brand. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

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

  /** The last time the person signed in to this membership (opening it, or switching to it). */
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** When the person first signed in to this membership (or set a password for it); null while the invitation is open. */
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

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
