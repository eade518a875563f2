import { Column, Entity } from 'typeorm';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** What a distributor's licence or filing says (the document itself, or an owner's proposed renewal of it). */
export abstract class QualificationDocument extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 32 })
  type: QualificationType;

  @Column({ type: 'varchar', length: 80 })
  number: string;

  @Column({ name: 'device_classes', type: 'varchar', length: 4, array: true, default: () => "'{}'" })
  deviceClasses: DeviceClass[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** null: no end date (some business licences are 长期) */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** The scanned document, in the file storage under this key. */
  @Column({ name: 'file_key', type: 'varchar', length: 300, nullable: true, select: false })
  fileKey: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ name: 'file_mime', type: 'varchar', length: 64, nullable: true })
  fileMime: string | null;

  @Column({ name: 'file_size', type: 'integer', nullable: true })
  fileSize: number | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;
}

/** A distributor's licence or filing: what it may trade (device classes) and until when. */
@Entity('qualification')
export class Qualification extends QualificationDocument {}
