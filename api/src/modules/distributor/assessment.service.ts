import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { notFound } from '../../common/errors';
import { Distributor } from './distributor.entity';
import { DistributorAssessment } from './assessment.entity';
import { AssessmentInput } from './assessment.types';

export class AssessmentService {
  constructor(private readonly ds: DataSource) {}

  byDistributorIds(scope: Scope, ids: readonly string[]): Promise<DistributorAssessment[]> {
    const qb = this.ds
      .getRepository(DistributorAssessment)
      .createQueryBuilder('a')
      .where('a.distributor_id = ANY(:ids)', { ids });
    return applyScope(qb, scope, 'distributorOwned').orderBy('a.created_at', 'DESC').getMany();
  }

  async record(scope: Scope, input: AssessmentInput): Promise<DistributorAssessment> {
    return this.ds.transaction(async (em) => {
      const visible = await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
        .andWhere('d.id = :id', { id: input.distributorId })
        .getCount();
      if (!visible) throw notFound('Distributor');
      const saved = await em.save(
        em.create(DistributorAssessment, { ...input, brandId: scope.brandId, assessorId: scope.userId }),
      );
      await audit(em, scope, 'RECORD_ASSESSMENT', 'distributor', input.distributorId, {
        assessmentId: saved.id,
        ...input,
      });
      return saved;
    });
  }
}
