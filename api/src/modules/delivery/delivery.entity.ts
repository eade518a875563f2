import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DeliveryFileKind, MilestoneKind, PresalesKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';
import { StoredFileEntity } from '../../common/stored-file.entity';

/** 售前支持: hours an engineer spent on an opportunity; appended, a wrong one reversed by an entry of the opposite hours. */
@Entity('presales_log')
export class PresalesLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: PresalesKind;

  @Column({ name: 'work_date', type: 'date' })
  workDate: string;

  /** exact decimal; negative on a reversal */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  hours: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** the entry this one reverses */
  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @Column({ name: 'logged_by', type: 'uuid' })
  loggedBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 交付项目: the delivery and installation of a won opportunity's equipment. */
@Entity('delivery_project')
export class DeliveryProject extends TenantEntity {
  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ name: 'engineer_id', type: 'uuid' })
  engineerId: string;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** One of a project's four milestones, planned and done in order. */
@Entity('delivery_milestone')
export class DeliveryMilestone extends TenantEntity {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MilestoneKind;

  @Column({ type: 'smallint' })
  seq: number;

  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate: string | null;

  @Column({ name: 'done_date', type: 'date', nullable: true })
  doneDate: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy: string | null;
}

/** A file on a milestone (the signed acceptance document, a photo), in the house's file storage. */
@Entity('delivery_file')
export class DeliveryFile extends StoredFileEntity {
  @Column({ name: 'milestone_id', type: 'uuid' })
  milestoneId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: DeliveryFileKind;
}
