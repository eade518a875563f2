import { DataSource, EntityManager } from 'typeorm';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { notVisible, visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { today } from '../../common/dates';
import { notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { DepartmentPotential } from './target.entity';
import { SetPotentialInput } from './target.types';

export interface PotentialSums {
  productLineId: string;
  regionId: string | null;
  currency: string;
  hospitals: number;
  consumables: string;
  equipment: string;
}

/** What a department's assumptions give a year, exact to the cent (half up). */
export function yearlyPotential(a: {
  beds: number;
  yearlyVolume: number;
  usagePerProcedure: string;
  consumableUnitPrice: string;
  bedsPerEquipment: number;
  equipmentUnitPrice: string;
  equipmentLifeYears: number;
}): { consumables: string; equipment: string } {
  const consumables = new Decimal(a.yearlyVolume).times(a.usagePerProcedure).times(a.consumableUnitPrice);
  const equipment = new Decimal(a.beds)
    .dividedBy(a.bedsPerEquipment)
    .times(a.equipmentUnitPrice)
    .dividedBy(a.equipmentLifeYears);
  return {
    consumables: consumables.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    equipment: equipment.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
  };
}

/** The latest version of each department × line's potential, as a FROM item (alias `cur`). */
const CURRENT = `(SELECT DISTINCT ON (department_id, product_line_id) * FROM department_potential
  WHERE brand_id = :brand ORDER BY department_id, product_line_id, version DESC)`;

/**
 * Hospital departments' potential per product line (潜力), read where the hospital is seen
 * (auth/scope.ts, `hospital`); rolled up over the hospitals a distributor's live authorizations
 * cover for each line, or per region over the hospitals the viewer sees.
 */
export class PotentialService {
  constructor(private readonly ds: DataSource) {}

  private visibleHospitals(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.createQueryBuilder().select('h.id').from('hospital', 'h'), scope, 'hospital', 'h');
  }

  /** The current version of every department × line of a hospital the viewer sees. */
  async currentOf(scope: Scope, hospitalId: string): Promise<DepartmentPotential[]> {
    if (!isUuid(hospitalId)) throw notFound('Hospital');
    const visible = this.visibleHospitals(scope).andWhere('h.id = :hospital', { hospital: hospitalId });
    const [hospital] = await visible.getRawMany();
    if (!hospital) throw notFound('Hospital');
    return this.ds
      .getRepository(DepartmentPotential)
      .createQueryBuilder('p')
      .distinctOn(['p.department_id', 'p.product_line_id'])
      .where('p.hospital_id = :hospital', { hospital: hospitalId })
      .andWhere('p.brand_id = :brand', { brand: scope.brandId })
      .orderBy('p.department_id')
      .addOrderBy('p.product_line_id')
      .addOrderBy('p.version', 'DESC')
      .getMany();
  }

  /** Every version (newest first) of the department × line pairs, keyed "department:line"; one statement. */
  historyOf(scope: Scope, keys: readonly string[]): Promise<DepartmentPotential[]> {
    const visible = this.visibleHospitals(scope);
    return this.ds
      .getRepository(DepartmentPotential)
      .createQueryBuilder('p')
      .where(`p.department_id::text || ':' || p.product_line_id::text = ANY(:keys)`, { keys })
      .andWhere(`p.hospital_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('p.version', 'DESC')
      .getMany();
  }

  /** The next version of a department's potential for a line; a retry with the key answers the first. */
  async set(scope: Scope, input: SetPotentialInput): Promise<DepartmentPotential> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'department_potential_request_key',
      earlier: (em) => earlierByKey(em, DepartmentPotential, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key saved another potential'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const department = isUuid(fields.departmentId)
          ? (
              (await em.query(`SELECT id, hospital_id FROM hospital_department WHERE id = $1 AND brand_id = $2`, [
                fields.departmentId,
                scope.brandId,
              ])) as Array<{ id: string; hospital_id: string }>
            )[0]
          : undefined;
        if (!department) throw notVisible('hospital', 'departmentId');
        await visibleId(em, scope, 'hospital', department.hospital_id, 'departmentId');
        await visibleId(em, scope, 'productLine', fields.productLineId, 'productLineId');
        // versions of one department are numbered one writer at a time
        await em.query(`SELECT 1 FROM hospital_department WHERE id = $1 FOR UPDATE`, [department.id]);
        const [{ last }] = await em.query(
          `SELECT COALESCE(MAX(version), 0) AS last FROM department_potential WHERE department_id = $1 AND product_line_id = $2`,
          [department.id, fields.productLineId],
        );
        const usage = new Decimal(fields.usagePerProcedure).toFixed(4);
        const saved = await em.save(
          em.create(DepartmentPotential, {
            brandId: scope.brandId,
            hospitalId: department.hospital_id,
            departmentId: department.id,
            productLineId: fields.productLineId,
            version: Number(last) + 1,
            beds: fields.beds,
            yearlyVolume: fields.yearlyVolume,
            usagePerProcedure: usage,
            consumableUnitPrice: fields.consumableUnitPrice,
            bedsPerEquipment: fields.bedsPerEquipment,
            equipmentUnitPrice: fields.equipmentUnitPrice,
            equipmentLifeYears: fields.equipmentLifeYears,
            currency: fields.currency,
            ...yearlyPotential({ ...fields, usagePerProcedure: usage }),
            note: fields.note?.trim() || null,
            createdBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        await audit(em, scope, 'SET_POTENTIAL', 'department_potential', saved.id, {
          ...fields,
          version: saved.version,
        });
        return saved.id;
      }),
    );
    return this.ds.getRepository(DepartmentPotential).findOneByOrFail({ id });
  }

  /**
   * A distributor's yearly potential per line: the current potential of the departments at the
   * hospitals its authorizations live today cover for that line (by hospital, or by region and the
   * cities under it; by the line, or by a product of it). The caller has the distributor in view.
   */
  async ofDistributor(
    em: EntityManager,
    brandId: string,
    distributorId: string,
    lineId?: string,
  ): Promise<PotentialSums[]> {
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `WITH g AS (SELECT * FROM authorization_grant WHERE brand_id = :brand AND distributor_id = :distributor
            AND valid_from <= :today::date AND valid_to >= :today::date
            AND (revoked_from IS NULL OR revoked_from > :today::date)),
          covered AS (SELECT DISTINCT h.id AS hospital_id, l.id AS line_id
            FROM g JOIN hospital h ON h.brand_id = :brand AND (h.id = ANY(g.hospital_ids) OR h.region_id = ANY(g.region_ids)
                OR h.region_id IN (SELECT r.id FROM region r WHERE r.parent_id = ANY(g.region_ids)))
              JOIN product_line l ON l.brand_id = :brand AND (l.id = ANY(g.product_line_ids)
                OR l.id IN (SELECT p.product_line_id FROM product p WHERE p.id = ANY(g.product_ids))))
        SELECT cur.product_line_id AS "productLineId", NULL AS "regionId", cur.currency,
               COUNT(DISTINCT cur.hospital_id)::int AS hospitals,
               SUM(cur.consumables)::text AS consumables, SUM(cur.equipment)::text AS equipment
          FROM ${CURRENT} cur JOIN covered c ON c.hospital_id = cur.hospital_id AND c.line_id = cur.product_line_id
         WHERE (:line::uuid IS NULL OR cur.product_line_id = :line::uuid)
         GROUP BY cur.product_line_id, cur.currency ORDER BY cur.product_line_id, cur.currency`,
      { brand: brandId, distributor: distributorId, today: today(), line: lineId ?? null },
    );
    return em.query(sql, params);
  }

  /** A distributor in view's roll-up (NOT_FOUND otherwise). */
  async distributorRollup(scope: Scope, distributorId: string): Promise<PotentialSums[]> {
    await this.distributorInView(scope, distributorId);
    return this.ofDistributor(this.ds.manager, scope.brandId, distributorId);
  }

  /** Per region (each hospital counts in its city and in its province) and line, over the hospitals the viewer sees. */
  async byRegion(scope: Scope): Promise<PotentialSums[]> {
    const visible = this.visibleHospitals(scope);
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT cur.product_line_id AS "productLineId", x.region_id AS "regionId", cur.currency,
              COUNT(DISTINCT cur.hospital_id)::int AS hospitals,
              SUM(cur.consumables)::text AS consumables, SUM(cur.equipment)::text AS equipment
         FROM ${CURRENT} cur JOIN hospital hh ON hh.id = cur.hospital_id JOIN region r ON r.id = hh.region_id
         CROSS JOIN LATERAL (VALUES (r.id), (r.parent_id)) AS x(region_id)
        WHERE x.region_id IS NOT NULL AND cur.hospital_id IN (${visible.getQuery()})
        GROUP BY x.region_id, cur.product_line_id, cur.currency
        ORDER BY x.region_id, cur.product_line_id, cur.currency`,
      { ...visible.getParameters(), brand: scope.brandId },
    );
    return this.ds.query(sql, params);
  }

  /** The distributor in view, for a roll-up read (NOT_FOUND otherwise). */
  async distributorInView(scope: Scope, distributorId: string): Promise<void> {
    const d = scopeCondition(scope, 'distributor', 'd');
    const [found] = isUuid(distributorId)
      ? await this.ds
          .createQueryBuilder()
          .select('d.id')
          .from('distributor', 'd')
          .where('d.id = :id', { id: distributorId })
          .andWhere(d.sql, d.params)
          .getRawMany()
      : [];
    if (!found) throw notFound('Distributor');
  }
}
