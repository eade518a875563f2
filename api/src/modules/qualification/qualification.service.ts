import { DataSource, EntityManager } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { daysBetween, today } from '../../common/dates';
import { Distributor } from '../distributor/distributor.entity';
import { Qualification } from './qualification.entity';
import { AddQualificationInput, ExpiryLevel, ExpiryWarningType } from './qualification.types';

export function expiryWarning(validTo: string | null, on: string = today()): ExpiryWarningType {
  if (!validTo) return { level: ExpiryLevel.OK, daysLeft: null };
  const daysLeft = daysBetween(on, validTo);
  const level =
    daysLeft < 0 ? ExpiryLevel.EXPIRED
    : daysLeft <= 7 ? ExpiryLevel.WITHIN_7_DAYS
    : daysLeft <= 30 ? ExpiryLevel.WITHIN_30_DAYS
    : daysLeft <= 60 ? ExpiryLevel.WITHIN_60_DAYS
    : ExpiryLevel.OK;
  return { level, daysLeft };
}

export class QualificationService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Qualification).createQueryBuilder('q'), scope, 'distributorOwned');
  }

  byDistributorIds(scope: Scope, distributorIds: readonly string[], em?: EntityManager): Promise<Qualification[]> {
    return this.scoped(scope, em).andWhere('q.distributor_id = ANY(:distributorIds)', { distributorIds }).orderBy('q.valid_to').getMany();
  }

  /** Documents that expire within `days` (or have expired), soonest first: the warnings list. */
  expiring(scope: Scope, days: number): Promise<Qualification[]> {
    return this.scoped(scope)
      .andWhere('q.valid_to IS NOT NULL AND q.valid_to <= CURRENT_DATE + :days::int', { days })
      .orderBy('q.valid_to')
      .addOrderBy('q.id')
      .limit(200)
      .getMany();
  }

  async add(scope: Scope, input: AddQualificationInput): Promise<Qualification> {
    if (input.validTo && input.validTo < input.validFrom) throw badInput('validTo', 'A document cannot expire before it starts');
    return this.ds.transaction(async (em) => {
      const visible = await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
        .andWhere('d.id = :id', { id: input.distributorId })
        .getCount();
      if (!visible) throw notFound('Distributor');
      const q = await em.save(
        em.create(Qualification, { ...input, validTo: input.validTo ?? null, brandId: scope.brandId }),
      );
      await audit(em, scope, 'ADD_QUALIFICATION', 'distributor', input.distributorId, { qualificationId: q.id, ...input });
      return q;
    });
  }
}
