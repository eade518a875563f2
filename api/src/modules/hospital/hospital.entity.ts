import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ContactFactKind, ContactRelation, DecisionRole, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
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

  /** who created it on a screen, and the request key a retry repeats (null for the seed and imports) */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
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

  @VersionColumn()
  version: number;
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

  @Column({ type: 'varchar', length: 16, default: ContactRelation.UNKNOWN })
  relation: ContactRelation;

  /** the day they left the hospital (or the decision chain); kept, with their history */
  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn: string | null;

  /** who made the last change and why: the trigger of migration HospitalMasterData copies them into the fact it appends */
  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ name: 'change_note', type: 'varchar', length: 500, nullable: true })
  changeNote: string | null;

  @VersionColumn()
  version: number;
}

/** One fact of a contact's history, appended by the database on every insert or change of the contact; never changed. */
@Entity('hospital_contact_fact')
export class HospitalContactFact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ContactFactKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ name: 'decision_role', type: 'varchar', length: 24 })
  decisionRole: DecisionRole;

  @Column({ type: 'varchar', length: 16 })
  relation: ContactRelation;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
