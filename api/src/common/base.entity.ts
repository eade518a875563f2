import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Every business table: uuid id, the tenant (brand_id), created_at, updated_at. */
export abstract class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An exact amount in its currency on one distributor's account with the brand (a payment received, an entry, a credit). */
export abstract class DistributorAmountEntity extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;
}

/**
 * A fact on one distributor's account on the day it counts on. The ledger's entries and the
 * credits finance grants by hand both are one.
 */
export abstract class AccountAmountEntity extends DistributorAmountEntity {
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;
}
