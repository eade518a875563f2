import type { AuditAction } from '@medchannel/shared-schema';
import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Hospital } from './hospital.entity';
import { HospitalNote, HospitalServingReport } from './intel.entity';

/** The brand's intelligence on hospitals: notes, and who is heard to serve them. Brand side only. */
export class IntelService {
  constructor(private readonly ds: DataSource) {}

  private visibleHospitalIds(scope: Scope) {
    return applyScope(this.ds.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital').select('h.id');
  }

  private async of<T extends HospitalNote | HospitalServingReport>(
    scope: Scope,
    entity: new () => T,
    ids: readonly string[],
  ): Promise<T[]> {
    const visible = this.visibleHospitalIds(scope);
    return this.ds
      .getRepository(entity)
      .createQueryBuilder('x')
      .where('x.hospital_id = ANY(:ids)', { ids })
      .andWhere(`x.hospital_id IN (${visible.getQuery()})`)
      .setParameters({ ...visible.getParameters(), ids })
      .orderBy('x.created_at', 'DESC')
      .getMany();
  }

  notesByHospitalIds = (scope: Scope, ids: readonly string[]) => this.of(scope, HospitalNote, ids);
  servingReportsByHospitalIds = (scope: Scope, ids: readonly string[]) => this.of(scope, HospitalServingReport, ids);

  private async add<T extends HospitalNote | HospitalServingReport>(
    scope: Scope,
    hospitalId: string,
    entity: new () => T,
    fields: Partial<T>,
    action: AuditAction,
  ): Promise<T> {
    return this.ds.transaction(async (em) => {
      const visible = isUuid(hospitalId)
        ? await applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital')
            .andWhere('h.id = :id', { id: hospitalId })
            .getCount()
        : 0;
      if (!visible) throw notFound('Hospital');
      const saved = await em.save(em.create(entity, { ...fields, brandId: scope.brandId, hospitalId } as T));
      await audit(em, scope, action, 'hospital', hospitalId, { id: saved.id, ...fields });
      return saved;
    });
  }

  addNote(scope: Scope, hospitalId: string, body: string): Promise<HospitalNote> {
    if (!body.trim()) throw badInput('body', 'Write the note');
    return this.add(scope, hospitalId, HospitalNote, { body: body.trim(), authorId: scope.userId }, 'ADD_NOTE');
  }

  reportServing(
    scope: Scope,
    hospitalId: string,
    distributorName: string,
    products: string | null,
  ): Promise<HospitalServingReport> {
    if (!distributorName.trim()) throw badInput('distributorName', 'Name the distributor');
    return this.add(
      scope,
      hospitalId,
      HospitalServingReport,
      { distributorName: distributorName.trim(), products, reportedBy: scope.userId },
      'REPORT_SERVING',
    );
  }
}
