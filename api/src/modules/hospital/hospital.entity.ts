import { Column, Entity, VersionColumn } from 'typeorm';
import { DecisionRole, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

@Entity('hospital')
export class Hospital extends TenantEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  grade: HospitalGrade;

  @Column({ type: 'integer', nullable: true })
  beds: number | null;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @VersionColumn()
  version: number;
}

/** 科室, with the yearly volume that sizes what it can use. */
@Entity('hospital_department')
export class HospitalDepartment extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'yearly_volume', type: 'integer', nullable: true })
  yearlyVolume: number | null;

  @Column({ name: 'volume_kind', type: 'varchar', length: 16, nullable: true })
  volumeKind: VolumeKind | null;
}

/** A person at the hospital and their place in the decision chain. */
@Entity('hospital_contact')
export class HospitalContact extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ name: 'decision_role', type: 'varchar', length: 24 })
  decisionRole: DecisionRole;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;
}
