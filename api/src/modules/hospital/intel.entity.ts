import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

/** What the brand's people learned about a hospital. */
@Entity('hospital_note')
export class HospitalNote extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 4000 })
  body: string;
}

/** A distributor reported serving the hospital, ours or not (named as heard). */
@Entity('hospital_serving_report')
export class HospitalServingReport extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'distributor_name', type: 'varchar', length: 200 })
  distributorName: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  products: string | null;
}
