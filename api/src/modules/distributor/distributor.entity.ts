import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DistributorClassification, DistributorStage } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 经销商: what scoping needs, the legal profile and the lifecycle stage (docs/domain.md, "The lifecycle"). */
@Entity('distributor')
@Index(['brandId', 'code'], { unique: true })
@Index(['brandId', 'name', 'id'])
@Index(['brandId', 'regionId'])
@Index(['brandId', 'channelManagerId'])
@Index(['parentId'])
export class Distributor extends TenantEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 24, default: DistributorStage.PROSPECT })
  stage: DistributorStage;

  @Column({ type: 'smallint', default: 1 })
  tier: number;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ name: 'channel_manager_id', type: 'uuid', nullable: true })
  channelManagerId: string | null;

  /** Set for a second-tier distributor (二级): the first-tier distributor it buys through. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** 统一社会信用代码 */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ name: 'registered_capital', type: 'numeric', precision: 18, scale: 2, nullable: true })
  registeredCapital: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  classifications: DistributorClassification[];

  /** What the distributor may owe at once: open orders plus outstanding receivables. */
  @Column({ name: 'credit_limit', type: 'numeric', precision: 18, scale: 2, default: '0' })
  creditLimit: string;

  /** Days from shipment to the expected collection date. */
  @Column({ name: 'payment_terms_days', type: 'smallint', default: 30 })
  paymentTermsDays: number;

  @VersionColumn()
  version: number;
}

/** One move through the lifecycle, with who moved it and why. Appended, never edited. */
@Entity('distributor_stage_change')
export class DistributorStageChange extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 24 })
  fromStage: DistributorStage;

  @Column({ name: 'to_stage', type: 'varchar', length: 24 })
  toStage: DistributorStage;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;
}
