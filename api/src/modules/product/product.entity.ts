import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

@Entity('product_line')
export class ProductLine extends TenantEntity {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

@Entity('product')
export class Product extends TenantEntity {
  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ProductKind;

  @Column({ name: 'device_class', type: 'varchar', length: 4 })
  deviceClass: DeviceClass;

  /** 注册证 / 备案 number */
  @Column({ name: 'registration_no', type: 'varchar', length: 80 })
  registrationNo: string;

  @Column({ name: 'registration_valid_from', type: 'date' })
  registrationValidFrom: string;

  @Column({ name: 'registration_valid_to', type: 'date' })
  registrationValidTo: string;

  @Column({ name: 'udi_di', type: 'varchar', length: 80, nullable: true })
  udiDi: string | null;

  @Column({ name: 'list_price', type: 'numeric', precision: 18, scale: 2 })
  listPrice: string;

  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency: string;

  /** Only a person holding a valid certificate for the product's line may order it (training). */
  @Column({ name: 'requires_certification', type: 'boolean', default: false })
  requiresCertification: boolean;

  @VersionColumn()
  version: number;
}

/** A tier's price for a product from a date (to a date, or until superseded). */
@Entity('price_list_entry')
export class PriceListEntry extends TenantEntity {
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'smallint' })
  tier: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  price: string;

  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}

/**
 * A registration certificate the product was registered under: appended by the database whenever
 * the product's certificate columns are set (a renewal), never changed.
 */
@Entity('product_registration')
export class ProductRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'registration_no', type: 'varchar', length: 80 })
  registrationNo: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * SQL true when the product (alias `p`) holds a valid certificate on the day `on` (a parameter):
 * the certificate current then — the latest to have started by that day, so a renewal takes over
 * from its first day — has not ended. Orders, the catalog and the compliance check all ask this.
 */
export const registeredOnSql = (p: string, on: string): string =>
  `EXISTS (SELECT 1 FROM (SELECT r.valid_to FROM product_registration r
     WHERE r.product_id = ${p}.id AND r.valid_from <= ${on}
     ORDER BY r.valid_from DESC, r.created_at DESC LIMIT 1) cur WHERE cur.valid_to >= ${on})`;
