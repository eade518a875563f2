import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

/** A screening of a candidate distributor (初筛): what it carries, whom it competes with, and scores. Each kept. */
@Entity('distributor_assessment')
export class DistributorAssessment extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId: string;

  @Column({ name: 'products_carried', type: 'varchar', length: 1000, nullable: true })
  productsCarried: string | null;

  @Column({ name: 'competing_products', type: 'varchar', length: 1000, nullable: true })
  competingProducts: string | null;

  @Column({ name: 'brand_strength', type: 'varchar', length: 1000, nullable: true })
  brandStrength: string | null;

  @Column({ name: 'peer_reviews', type: 'varchar', length: 2000, nullable: true })
  peerReviews: string | null;

  @Column({ name: 'fit_score', type: 'smallint' })
  fitScore: number;

  @Column({ name: 'willingness_score', type: 'smallint' })
  willingnessScore: number;

  @Column({ name: 'capability_score', type: 'smallint' })
  capabilityScore: number;
}
