import { DataSource, EntityManager } from 'typeorm';
import { visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope, coversRegion } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { assertVersion } from '../../common/versioning';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginateTree } from '../../common/pagination';
import { Region, withinRegion } from '../region';
import { Hospital, HospitalContact, HospitalDepartment } from './hospital.entity';
import { HospitalFilter } from './hospital.types';
import { HospitalNode, HospitalPageParts, hospitalPageParts, hospitalPageTree } from './hospital-page';
import { CreateHospitalInput, DepartmentInput, UpdateHospitalInput } from './hospital.inputs';
import { HospitalSort } from '@medchannel/shared-schema';
import { coverageCondition } from './hospital-coverage';

/**
 * Where a visit takes place: the hospital as the viewer's scope reads it, and the department and
 * contacts named, which must be the hospital's own. On the caller's transaction.
 */
export async function visiblePlace(
  em: EntityManager,
  scope: Scope,
  hospitalId: string,
  departmentId: string | null | undefined,
  contactIds: string[],
): Promise<Hospital> {
  const hospital = isUuid(hospitalId)
    ? await applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital')
        .andWhere('h.id = :id', { id: hospitalId })
        .getOne()
    : null;
  if (!hospital) throw notFound('Hospital');
  if (
    departmentId &&
    (!isUuid(departmentId) || !(await em.count(HospitalDepartment, { where: { id: departmentId, hospitalId } })))
  )
    throw notFound('Department');
  const contacts = [...new Set(contactIds)];
  if (!contacts.every(isUuid)) throw notFound('Contact');
  if (contacts.length) {
    const n = await em
      .getRepository(HospitalContact)
      .createQueryBuilder('c')
      .where('c.hospital_id = :hospitalId AND c.id = ANY(:contacts)', { hospitalId, contacts })
      .getCount();
    if (n !== contacts.length) throw notFound('Contact');
  }
  return hospital;
}

export class HospitalService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital');
  }

  /** A page of the list, each row with what the request asks of it (hospital-page.ts), in one statement. */
  list(
    scope: Scope,
    page: PageArgs,
    filter: HospitalFilter = {},
    parts: HospitalPageParts = hospitalPageParts(undefined),
  ): Promise<Page<HospitalNode>> {
    const tree = hospitalPageTree(this.ds, scope, parts);
    const root = (n: HospitalNode) => n.hospital;
    // the largest first: beds not given count as none, so every hospital has its place under the cursor
    if (filter.sort === HospitalSort.BEDS_MOST)
      return paginateTree(
        this.listQuery(scope, filter),
        page,
        [
          { column: 'COALESCE(h.beds, 0)', value: (h) => String(h.beds ?? 0) },
          { column: 'h.id', value: (h) => h.id },
        ],
        'DESC',
        tree,
        root,
      );
    return paginateTree(
      this.listQuery(scope, filter),
      page,
      [
        { column: 'h.name', value: (h) => h.name },
        { column: 'h.id', value: (h) => h.id },
      ],
      'ASC',
      tree,
      root,
    );
  }

  /** The hospitals list's rows before paging (the global search reads the same). */
  listQuery(scope: Scope, filter: HospitalFilter = {}) {
    const qb = this.scoped(scope);
    // name and address, kept lower-cased in one indexed column on two lines (migration
    // ReadPathIndexes); a search is one line, so it never matches across the two
    if (filter.search)
      qb.andWhere('h.search_text LIKE lower(:s)', { s: containsPattern(filter.search.replace(/\s+/g, ' ')) });
    if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
    if (filter.regionId) {
      qb.andWhere(withinRegion('h.region_id'), { regionId: filter.regionId });
    }
    if (filter.coverage) {
      const covered = coverageCondition(filter.coverage, scope.brandId);
      qb.andWhere(covered.sql, covered.params);
    }
    return qb;
  }

  async get(scope: Scope, id: string): Promise<Hospital> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('h.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Hospital');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[], em?: EntityManager): Promise<Hospital[]> {
    return this.scoped(scope, em).andWhere('h.id = ANY(:ids)', { ids }).getMany();
  }

  /** The ids of the hospitals the viewer sees, as a subquery for rows hanging off them. */
  visibleIdsQuery(scope: Scope) {
    return this.scoped(scope).select('h.id');
  }

  /** Rows hanging off hospitals (departments, contacts) follow the hospital's scope. */
  private ofVisibleHospitals<T extends HospitalDepartment | HospitalContact>(
    scope: Scope,
    entity: new () => T,
    ids: readonly string[],
  ) {
    const visible = this.visibleIdsQuery(scope);
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
    return this.ofVisibleHospitals(scope, HospitalContact, ids)
      .orderBy('x.retired_on', 'DESC', 'NULLS FIRST')
      .addOrderBy('x.decision_role')
      .addOrderBy('x.name')
      .getMany();
  }

  /** A hospital created by hand, in a region the viewer covers; the same request key answers the first one again. */
  async create(scope: Scope, input: CreateHospitalInput): Promise<Hospital> {
    const { idempotencyKey, departments, ...fields } = input;
    checkDepartmentNames(departments.map((d) => d.name));
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint({ ...fields, departments }),
      constraint: 'hospital_request_key',
      earlier: (em) => earlierByKey(em, Hospital, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key created another hospital'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        await this.coveredRegion(em, scope, fields.regionId);
        await this.refuseNameClash(em, scope, fields.name);
        const hospital = await em.save(
          em.create(Hospital, {
            ...fields,
            beds: fields.beds ?? null,
            address: fields.address ?? null,
            brandId: scope.brandId,
            createdBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        if (departments.length) {
          await em.insert(
            HospitalDepartment,
            departments.map((d) => ({ ...departmentFields(d), brandId: scope.brandId, hospitalId: hospital.id })),
          );
        }
        await audit(em, scope, 'CREATE', 'hospital', hospital.id, { ...fields, departments });
        return hospital.id;
      }),
    );
    return this.get(scope, id);
  }

  /** The profile as edited at the version the user saw; the region must stay one the viewer covers. */
  async update(scope: Scope, id: string, input: UpdateHospitalInput): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const hospital = await this.locked(em, scope, id);
      assertVersion(hospital, input.expectedVersion, 'hospital');
      await this.coveredRegion(em, scope, input.regionId);
      if (input.name !== hospital.name) await this.refuseNameClash(em, scope, input.name);
      const { expectedVersion: _seen, ...fields } = input;
      Object.assign(hospital, { ...fields, beds: fields.beds ?? null, address: fields.address ?? null });
      const saved = await em.save(hospital);
      await audit(em, scope, 'UPDATE', 'hospital', hospital.id, { ...fields });
      return saved;
    });
  }

  async addDepartment(scope: Scope, hospitalId: string, input: DepartmentInput): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const hospital = await this.locked(em, scope, hospitalId);
      await refuseDepartmentClash(em, hospital.id, input.name);
      const dept = await em.save(
        em.create(HospitalDepartment, { ...departmentFields(input), brandId: scope.brandId, hospitalId: hospital.id }),
      );
      await audit(em, scope, 'ADD_DEPARTMENT', 'hospital', hospital.id, { departmentId: dept.id, ...input });
      return hospital;
    });
  }

  /** A department renamed or its yearly volume updated, at the version the user saw. */
  async updateDepartment(
    scope: Scope,
    departmentId: string,
    input: DepartmentInput,
    expectedVersion: number,
  ): Promise<Hospital> {
    return this.ds.transaction(async (em) => {
      const dept = isUuid(departmentId) ? await em.findOneBy(HospitalDepartment, { id: departmentId }) : null;
      // the department follows its hospital's scope: one of a hospital out of sight is not found
      const hospital = dept ? await this.locked(em, scope, dept.hospitalId, 'Department') : null;
      if (!dept || !hospital) throw notFound('Department');
      assertVersion(dept, expectedVersion, 'department');
      if (input.name !== dept.name) await refuseDepartmentClash(em, hospital.id, input.name);
      Object.assign(dept, departmentFields(input));
      await em.save(dept);
      await audit(em, scope, 'UPDATE_DEPARTMENT', 'hospital', hospital.id, { departmentId: dept.id, ...input });
      return hospital;
    });
  }

  /** The regions the viewer may put a hospital in: those they cover, provinces first. */
  async placeableRegions(scope: Scope): Promise<Region[]> {
    const all = await applyScope(this.ds.getRepository(Region).createQueryBuilder('r'), scope, 'brand')
      .orderBy('r.level', 'DESC')
      .addOrderBy('r.code')
      .getMany();
    return all.filter((r) => coversRegion(scope, r.id));
  }

  /** The hospital in the viewer's scope, locked for the change; NOT_FOUND (as `what`) otherwise. */
  async locked(em: EntityManager, scope: Scope, id: string, what = 'Hospital'): Promise<Hospital> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('h.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound(what);
    return found;
  }

  private async coveredRegion(em: EntityManager, scope: Scope, regionId: string): Promise<void> {
    await visibleId(em, scope, 'region', regionId, 'regionId');
    if (!coversRegion(scope, regionId)) throw badInput('regionId', 'Choose a region you cover');
  }

  private async refuseNameClash(em: EntityManager, scope: Scope, name: string): Promise<void> {
    const clash = await applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'brand')
      .andWhere('h.name = :name', { name })
      .getCount();
    if (clash) throw new AppError(ErrorCode.CONFLICT, `${name} exists already`, 'name');
  }
}

const departmentFields = (d: DepartmentInput) => ({
  name: d.name.trim(),
  yearlyVolume: d.yearlyVolume ?? null,
  volumeKind: d.volumeKind ?? null,
});

function checkDepartmentNames(names: string[]): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n.trim())) throw badInput(`departments.${i}.name`, 'A department is named once per hospital');
    seen.add(n.trim());
  });
}

async function refuseDepartmentClash(em: EntityManager, hospitalId: string, name: string): Promise<void> {
  if (await em.countBy(HospitalDepartment, { hospitalId, name: name.trim() }))
    throw new AppError(ErrorCode.CONFLICT, 'This hospital has a department of that name', 'name');
}
