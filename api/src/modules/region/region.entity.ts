import { Column, Entity, Index } from 'typeorm';
import { RegionLevel } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** A territory: a province, or a city under it. */
@Entity('region')
@Index(['brandId', 'code'], { unique: true })
export class Region extends TenantEntity {
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
