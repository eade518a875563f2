import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DistributorStage } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 经销商. Part 1 holds what scoping needs; part 3 adds the legal profile and the lifecycle. */
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

  @VersionColumn()
  version: number;
}
