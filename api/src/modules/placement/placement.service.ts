import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, Side } from '@medchannel/shared-schema';
import { PlacementEventKind, PlacementSource, PlacementStatus } from './placement.enums';
import { Scope, scopeCondition } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { today } from '../../common/dates';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  isUniqueViolation,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, newestFirstKey } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { Placement, PlacementEvent } from './placement.entity';
import {
  PlaceInstrumentInput,
  PlacementFilter,
  RelocatePlacementInput,
  ReplacePlacementInstrumentInput,
  ReturnPlacementInput,
} from './placement.inputs';
import { COMMITTED, PLACEMENT_COLUMNS, SHORT_LAST_MONTH, actualIn, placementJoins } from './placement.sql';
import { CommitmentMonthType, PlacementEventType, PlacementType } from './placement.types';
import { rawPage, rawQuery } from '../../common/raw-page';

const serialPlaced = (field = 'serialNo') =>
  new AppError(ErrorCode.CONFLICT, 'This serial stands placed at a hospital already', field, ErrorReason.SERIAL_PLACED);

const serialOf = (s: string) => s.trim().toUpperCase();

const notFuture = (on: string, field = 'occurredOn') => {
  if (on > today()) throw badInput(field, 'It happens on a day that has come');
};

/**
 * 设备投放: instruments placed at hospital departments under a reagent commitment, read and written
 * through the scope's `placement` condition (a distributor its own, an owner its second tier's too,
 * the brand in its regions). Every change appends an event to the placement's history and an audit row.
 */
export class PlacementService {
  constructor(private readonly ds: DataSource) {}

  /** Placements in scope with their names (WHERE follows). */
  private select(scope: Scope) {
    const owned = scopeCondition(scope, 'placement', 'p');
    const seen = scopeCondition(scope, 'hospital', 'h');
    return {
      sql: `SELECT ${PLACEMENT_COLUMNS} FROM placement p ${placementJoins(seen.sql)} WHERE ${owned.sql}`,
      params: { ...owned.params, ...seen.params },
    };
  }

  list(scope: Scope, page: PageArgs, filter: PlacementFilter = {}): Promise<Page<PlacementType>> {
    const base = this.select(scope);
    const params: Record<string, unknown> = { ...base.params };
    const where: string[] = [];
    if (filter.status) {
      where.push('p.status = :status');
      params.status = filter.status;
    }
    if (filter.distributorId) {
      where.push('p.distributor_id = :distributorId');
      params.distributorId = filter.distributorId;
    }
    if (filter.hospitalId) {
      where.push('p.hospital_id = :hospitalId');
      params.hospitalId = filter.hospitalId;
    }
    if (filter.search?.trim()) {
      where.push('(p.serial_no ILIKE :search OR h.name ILIKE :search OR d.name ILIKE :search)');
      params.search = containsPattern(filter.search);
    }
    if (filter.shortfall != null) {
      where.push(filter.shortfall ? SHORT_LAST_MONTH : `NOT ${SHORT_LAST_MONTH}`);
      params.today = today();
      params.shortBrand = scope.brandId;
    }
    return rawPage<PlacementType>(this.ds, page, {
      sql: [base.sql, ...where].join(' AND '),
      params,
      // the shortfall filter groups a month's sell-out for every placement whatever the page: built once for count and page
      once: filter.shortfall != null,
      // the cursor carries sort_at, the creation instant to the microsecond in UTC: the column's own value
      keys: [newestFirstKey(scope.side, 'r."createdAt"', 'r.sort_at'), 'r.id'],
      direction: 'DESC',
      cursorOf: (r) => [String(r.sort_at), String(r.id)],
    });
  }

  async byIds(scope: Scope, ids: readonly string[]): Promise<PlacementType[]> {
    const base = this.select(scope);
    return rawQuery<PlacementType>(this.ds, `${base.sql} AND p.id = ANY(:ids)`, {
      ...base.params,
      ids: ids.filter(isUuid),
    });
  }

  async get(scope: Scope, id: string): Promise<PlacementType> {
    const [found] = isUuid(id) ? await this.byIds(scope, [id]) : [];
    if (!found) throw notFound('Placement');
    return found;
  }

  /** Each placement's history, oldest first, with the names it shows. */
  async eventsByPlacementIds(
    scope: Scope,
    ids: readonly string[],
  ): Promise<Array<PlacementEventType & { placementId: string }>> {
    const owned = scopeCondition(scope, 'placement', 'p');
    const seen = scopeCondition(scope, 'hospital', 'h');
    return rawQuery(
      this.ds,
      `SELECT e.id, e.placement_id AS "placementId", e.kind, e.occurred_on::text AS "occurredOn", e.serial_no AS "serialNo",
              h.name AS "hospitalName", hd.name AS "departmentName", e.note, u.display_name AS "actorName",
              e.created_at AS "createdAt"
         FROM placement_event e JOIN placement p ON p.id = e.placement_id
         LEFT JOIN hospital h ON h.id = e.hospital_id AND ${seen.sql}
         LEFT JOIN hospital_department hd ON hd.id = e.department_id AND h.id IS NOT NULL
         JOIN app_user u ON u.id = e.actor_id
        WHERE e.placement_id = ANY(:ids) AND ${owned.sql}
        ORDER BY e.occurred_on, e.created_at, e.id`,
      { ...owned.params, ...seen.params, ids: ids.filter(isUuid) },
    );
  }

  /** Each placement's months from its first to now (or its end): committed against actual, in one statement. */
  async monthsByPlacementIds(
    scope: Scope,
    ids: readonly string[],
  ): Promise<Array<CommitmentMonthType & { placementId: string }>> {
    const owned = scopeCondition(scope, 'placement', 'p');
    return rawQuery(
      this.ds,
      `SELECT p.id AS "placementId", to_char(m.month, 'YYYY-MM') AS month, ${COMMITTED} AS committed,
              ${actualIn('m.month::date')} AS actual
         FROM placement p
        CROSS JOIN LATERAL generate_series(date_trunc('month', p.starts_on),
              date_trunc('month', LEAST(p.ends_on, COALESCE(p.returned_on, p.ends_on), :today::date)), interval '1 month') AS m(month)
        WHERE p.id = ANY(:ids) AND ${owned.sql}
        ORDER BY p.id, m.month`,
      { ...owned.params, ids: ids.filter(isUuid), today: today() },
    ).then((rows) =>
      (rows as Array<CommitmentMonthType & { placementId: string }>).map((r) => ({
        ...r,
        shortfall: r.month < today().slice(0, 7) && r.actual < r.committed,
      })),
    );
  }

  /** The distributor whose instrument it is: a partner's own (or one in his scope), a brand user's named one in scope. */
  private async owner(em: EntityManager, scope: Scope, distributorId: string | null | undefined): Promise<string> {
    if (!distributorId) {
      if (scope.side === Side.PARTNER) return scope.distributorId;
      throw badInput('distributorId', 'Choose the distributor');
    }
    return visibleId(em, scope, 'distributor', distributorId, 'distributorId');
  }

  /** A department of the hospital (read through the scope already). */
  private async department(em: EntityManager, hospitalId: string, departmentId: string): Promise<void> {
    const [dept] = isUuid(departmentId)
      ? await em.query(`SELECT 1 FROM hospital_department WHERE id = $1 AND hospital_id = $2`, [
          departmentId,
          hospitalId,
        ])
      : [];
    if (!dept) throw new AppError(ErrorCode.NOT_FOUND, 'Department not found', 'departmentId');
  }

  private async serialFree(em: EntityManager, scope: Scope, serialNo: string): Promise<void> {
    const [open] = await em.query(
      `SELECT 1 FROM placement WHERE brand_id = $1 AND serial_no = $2 AND status = 'PLACED'`,
      [scope.brandId, serialNo],
    );
    if (open) throw serialPlaced();
  }

  /** Where the instrument comes from: received into the distributor's stock, or a trial in scope of the same serial. */
  private async checkSource(
    em: EntityManager,
    scope: Scope,
    fields: { source: PlacementSource; trialId?: string | null; productId: string; serialNo: string },
    distributorId: string,
  ): Promise<string | null> {
    if (fields.source === PlacementSource.TRIAL) {
      if (!fields.trialId) throw badInput('trialId', 'Choose the trial it stood on');
      const t = scopeCondition(scope, 'trial', 't');
      const [trial] = isUuid(fields.trialId)
        ? await rawQuery<{ product_id: string; serial_number: string }>(
            em,
            `SELECT t.product_id, t.serial_number FROM trial t WHERE t.id = :id AND ${t.sql}`,
            { ...t.params, id: fields.trialId },
          )
        : [];
      if (!trial) throw new AppError(ErrorCode.NOT_FOUND, 'Trial not found', 'trialId');
      if (trial.product_id !== fields.productId || trial.serial_number !== fields.serialNo)
        throw badInput('serialNo', 'The trial’s instrument is another one');
      return fields.trialId;
    }
    if (fields.trialId) throw badInput('trialId', 'Only a placement from a trial names one');
    const [held] = await em.query(
      `SELECT 1 FROM stock_movement WHERE distributor_id = $1 AND product_id = $2 AND serial_no = $3 LIMIT 1`,
      [distributorId, fields.productId, fields.serialNo],
    );
    if (!held) throw badInput('serialNo', 'This serial never came into the distributor’s stock');
    return null;
  }

  /** A new placement; one open placement per serial; the same request key answers the first. */
  async place(scope: Scope, input: PlaceInstrumentInput): Promise<PlacementType> {
    const { idempotencyKey, ...asked } = input;
    const fields = { ...asked, serialNo: serialOf(asked.serialNo) };
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'placement_request_key',
      earlier: (em) => earlierByKey(em, Placement, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key placed another instrument'),
    };
    let id: string;
    try {
      id = await idempotent(this.ds, write, (em) =>
        replayOrInsert(em, write, async () => {
          const distributorId = await this.owner(em, scope, fields.distributorId);
          await visibleId(em, scope, 'product', fields.productId, 'productId');
          await visibleId(em, scope, 'hospital', fields.hospitalId, 'hospitalId');
          await this.department(em, fields.hospitalId, fields.departmentId);
          await visibleId(em, scope, 'productLine', fields.reagentLineId, 'reagentLineId');
          if (fields.endsOn < fields.startsOn) throw badInput('endsOn', 'The last day comes on or after the first');
          const trialId = await this.checkSource(em, scope, fields, distributorId);
          await this.serialFree(em, scope, fields.serialNo);
          const saved = await em.save(
            em.create(Placement, {
              brandId: scope.brandId,
              distributorId,
              productId: fields.productId,
              serialNo: fields.serialNo,
              source: fields.source,
              trialId,
              hospitalId: fields.hospitalId,
              departmentId: fields.departmentId,
              reagentLineId: fields.reagentLineId,
              commitmentQuantity: fields.commitmentQuantity,
              commitmentPeriod: fields.commitmentPeriod,
              startsOn: fields.startsOn,
              endsOn: fields.endsOn,
              status: PlacementStatus.PLACED,
              returnedOn: null,
              createdBy: scope.userId,
              requestKey: idempotencyKey ?? null,
              requestHash: idempotencyKey ? write.hash : null,
            }),
          );
          await this.event(em, scope, saved, PlacementEventKind.PLACED, fields.startsOn, null);
          await audit(em, scope, 'CREATE', 'placement', saved.id, { ...fields, distributorId });
          return saved.id;
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'placement_open_serial')) throw serialPlaced();
      throw err;
    }
    return this.get(scope, id);
  }

  private async event(
    em: EntityManager,
    scope: Scope,
    p: Placement,
    kind: PlacementEventKind,
    occurredOn: string,
    note: string | null,
  ): Promise<void> {
    await em.insert(PlacementEvent, {
      brandId: p.brandId,
      placementId: p.id,
      kind,
      occurredOn,
      hospitalId: p.hospitalId,
      departmentId: p.departmentId,
      serialNo: p.serialNo,
      note,
      actorId: scope.userId,
    });
  }

  /** A change of an open placement the viewer sees, at the version he saw; its event and audit row with it. */
  private async change(
    scope: Scope,
    id: string,
    expectedVersion: number,
    occurredOn: string,
    kind: PlacementEventKind,
    apply: (em: EntityManager, p: Placement) => Promise<Record<string, unknown>>,
    note: string | null,
  ): Promise<PlacementType> {
    await this.ds.transaction(async (em) => {
      const owned = scopeCondition(scope, 'placement', 'p');
      const p = isUuid(id)
        ? await em
            .getRepository(Placement)
            .createQueryBuilder('p')
            .where('p.id = :id', { id })
            .andWhere(owned.sql, owned.params)
            .setLock('pessimistic_write')
            .getOne()
        : null;
      if (!p) throw notFound('Placement');
      assertVersion(p, expectedVersion, 'placement');
      if (p.status !== PlacementStatus.PLACED)
        throw new AppError(ErrorCode.CONFLICT, 'The placement has ended', 'id', ErrorReason.ILLEGAL_TRANSITION);
      notFuture(occurredOn);
      if (occurredOn < p.startsOn) throw badInput('occurredOn', 'It happens on or after the placement’s first day');
      const changes = await apply(em, p);
      await em.save(p);
      await this.event(em, scope, p, kind, occurredOn, note);
      await audit(em, scope, 'UPDATE', 'placement', p.id, { kind, occurredOn, note, ...changes });
    });
    return this.get(scope, id);
  }

  relocate(scope: Scope, id: string, input: RelocatePlacementInput): Promise<PlacementType> {
    const note = input.note?.trim() || null;
    return this.change(
      scope,
      id,
      input.expectedVersion,
      input.occurredOn,
      PlacementEventKind.RELOCATED,
      async (em, p) => {
        await visibleId(em, scope, 'hospital', input.hospitalId, 'hospitalId');
        await this.department(em, input.hospitalId, input.departmentId);
        if (p.hospitalId === input.hospitalId && p.departmentId === input.departmentId)
          throw badInput('departmentId', 'It stands there already');
        const from = { hospitalId: p.hospitalId, departmentId: p.departmentId };
        p.hospitalId = input.hospitalId;
        p.departmentId = input.departmentId;
        return { from, to: { hospitalId: p.hospitalId, departmentId: p.departmentId } };
      },
      note,
    );
  }

  async replace(scope: Scope, id: string, input: ReplacePlacementInstrumentInput): Promise<PlacementType> {
    const serialNo = serialOf(input.serialNo);
    try {
      return await this.change(
        scope,
        id,
        input.expectedVersion,
        input.occurredOn,
        PlacementEventKind.REPLACED,
        async (em, p) => {
          if (serialNo === p.serialNo) throw badInput('serialNo', 'The new serial is another one');
          await this.serialFree(em, scope, serialNo);
          const from = p.serialNo;
          p.serialNo = serialNo;
          return { serialNo: { from, to: serialNo } };
        },
        input.note.trim(),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'placement_open_serial')) throw serialPlaced();
      throw err;
    }
  }

  return(scope: Scope, id: string, input: ReturnPlacementInput): Promise<PlacementType> {
    return this.change(
      scope,
      id,
      input.expectedVersion,
      input.occurredOn,
      PlacementEventKind.RETURNED,
      async (_em, p) => {
        p.status = PlacementStatus.RETURNED;
        p.returnedOn = input.occurredOn;
        return { returnedOn: input.occurredOn };
      },
      input.note?.trim() || null,
    );
  }
}
