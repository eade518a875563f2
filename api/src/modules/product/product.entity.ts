import { Column, Entity, VersionColumn } from 'typeorm';
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

  /** Only a person holding a valid certificate for the product's line may order it (part 6). */
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
