import { DataSource, EntityManager } from 'typeorm';
import { visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope, coversRegion } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { withinRegion } from '../region/region.sql';
import { Hospital, HospitalContact, HospitalDepartment } from './hospital.entity';
import { ContactInput, CreateHospitalInput, HospitalFilter } from './hospital.types';

export class HospitalService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital');
  }

  list(scope: Scope, page: PageArgs, filter: HospitalFilter = {}): Promise<Page<Hospital>> {
    const qb = this.scoped(scope);
    // name and address, kept lower-cased in one indexed column on two lines (migration
    // ReadPathIndexes); a search is one line, so it never matches across the two
    if (filter.search) qb.andWhere('h.search_text LIKE lower(:s)', { s: containsPattern(filter.search.replace(/\s+/g, ' ')) });
    if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
    if (filter.regionId) {
      qb.andWhere(withinRegion('h.region_id'), { regionId: filter.regionId });
    }
    return paginate(qb, page, [
      { column: 'h.name', value: (h) => h.name },
      { column: 'h.id', value: (h) => h.id },
    ]);
  }

  async get(scope: Scope, id: string): Promise<Hospital> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('h.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Hospital');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[], em?: EntityManager): Promise<Hospital[]> {
    return this.scoped(scope, em).andWhere('h.id = ANY(:ids)', { ids }).getMany();
  }

  /** Rows hanging off hospitals (departments, contacts) follow the hospital's scope. */
  private ofVisibleHospitals<T extends HospitalDepartment | HospitalContact>(scope: Scope, entity: new () => T, ids: readonly string[]) {
    const visible = this.scoped(scope).select('h.id');
    return this.ds
      .getRepository(entity)
      .createQueryBuilder('x')
      .where('x.hospital_id = ANY(:ids)', { ids })
      .andWhere(`x.hospital_id IN (${visible.getQuery()})`)
      .setParameters({ ...visible.getParameters(), ids });
  }

  departmentsByHospitalIds(scope: Scope, ids: readonly string[]): Promise<HospitalDepartment[]> {
    return this.ofVisibleHospitals(scope, HospitalDepartment, ids).orderBy('x.name').getMany();
  }

  contactsByHospitalIds(scope: Scope, ids: readonly string[]): Promise<HospitalContact[]> {
    return this.ofVisibleHospitals(scope, HospitalContact, ids).orderBy('x.decision_role').addOrderBy('x.name').getMany();
  }

  async create(scope: Scope, input: CreateHospitalInput): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const region = { id: await visibleId(em, scope, 'region', input.regionId, 'regionId') };
      if (!coversRegion(scope, region.id)) throw badInput('regionId', 'Choose a region you cover');
      const clash = await applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'brand')
        .andWhere('h.name = :name', { name: input.name })
        .getCount();
      if (clash) throw new AppError(ErrorCode.CONFLICT, `${input.name} exists already`, 'name');
      const { departments, ...fields } = input;
      const hospital = await em.save(
        em.create(Hospital, { ...fields, beds: fields.beds ?? null, address: fields.address ?? null, brandId: scope.brandId }),
      );
      if (departments.length) {
        await em.insert(
          HospitalDepartment,
          departments.map((d) => ({ brandId: scope.brandId, hospitalId: hospital.id, name: d.name, yearlyVolume: d.yearlyVolume ?? null, volumeKind: d.volumeKind ?? null })),
        );
      }
      await audit(em, scope, 'CREATE', 'hospital', hospital.id, { ...input });
      return hospital;
    });
  }

  async addContact(scope: Scope, hospitalId: string, input: ContactInput): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const [hospital] = await this.byIds(scope, [hospitalId], em);
      if (!hospital) throw notFound('Hospital');
      if (input.departmentId) {
        const dept = isUuid(input.departmentId) ? await em.findOneBy(HospitalDepartment, { id: input.departmentId, hospitalId: hospital.id }) : null;
        if (!dept) throw badInput('departmentId', 'Choose a department of this hospital');
      }
      const contact = await em.save(
        em.create(HospitalContact, {
          brandId: scope.brandId,
          hospitalId: hospital.id,
          departmentId: input.departmentId ?? null,
          name: input.name,
          title: input.title ?? null,
          decisionRole: input.decisionRole,
          phone: input.phone ?? null,
        }),
      );
      await audit(em, scope, 'ADD_CONTACT', 'hospital', hospital.id, { contactId: contact.id, ...input });
      return hospital;
    });
  }
}
