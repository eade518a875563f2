import { Column } from 'typeorm';
import { TenantEntity } from './base.entity';

/** A file kept in the file storage (course materials, visit photos): where, what, and who put it there. */
export abstract class StoredFileEntity extends TenantEntity {
  /** the storage key (never sent to clients) */
  @Column({ name: 'file_key', type: 'varchar', length: 300, select: false })
  fileKey: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'file_mime', type: 'varchar', length: 80 })
  fileMime: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize: number;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;
}
