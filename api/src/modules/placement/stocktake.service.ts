import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, Side } from '@medchannel/shared-schema';
import { StocktakeFinding, StocktakeStatus } from './placement.enums';
import { Scope, ScopeCondition, scopeCondition } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
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
import { Page, PageArgs, containsPattern } from '../../common/pagination';
import { FileStorage, StoredFile } from '../../common/storage';
import { parseUdi } from '../inventory';
import { StocktakeCampaign, StocktakeItem } from './placement.entity';
import {
  ConfirmStocktakeItemInput,
  CountStocktakeBatchInput,
  OpenStocktakeInput,
  StocktakeItemFilter,
} from './placement.inputs';
import {
  StocktakeCampaignType,
  StocktakeCountType,
  StocktakeDiscrepancyType,
  StocktakeItemType,
  StocktakeProgressType,
} from './placement.types';
import { rawPage, rawQuery } from '../../common/raw-page';
import { StocktakePhotoService, closedByDatabase, stocktakeClosed } from './stocktake-photo.service';

/** The serial a scanned code names: a GS1 UDI's serial (AI 21), else the code itself as typed. */
function scannedSerial(code: string): string {
  const text = code.trim();
  try {
    const udi = parseUdi(text);
    if (udi.serialNo) return udi.serialNo.toUpperCase();
  } catch {
    // not a GS1 code: a serial typed or scanned from a plain label
  }
  return text.toUpperCase();
}

/**
 * 盘点: the brand opens a campaign of a year, which snapshots every placed instrument of the brand
 * into an item; the distributors' people confirm their items (scan, photo, condition, meter) and
 * count their stock by batch; the brand closes it and its results stay (the database refuses
 * changes to a closed campaign's rows). Items and counts are read through the scope's `placement`
 * condition, so a distributor sees and confirms only its own; campaigns are the brand's.
 */
export class StocktakeService {
  private readonly photos: StocktakePhotoService;

  constructor(
    private readonly ds: DataSource,
    storage: FileStorage,
  ) {
    this.photos = new StocktakePhotoService(ds, storage);
  }

  private campaignsOf(scope: Scope) {
    const brand = scopeCondition(scope, 'brand', 'c');
    return {
      sql: `SELECT c.id, c.year, c.due_on::text AS "dueOn", c.status, c.closed_at AS "closedAt", c.created_at AS "createdAt"
              FROM stocktake_campaign c WHERE ${brand.sql}`,
      params: brand.params,
    };
  }

  campaigns(scope: Scope, page: PageArgs): Promise<Page<StocktakeCampaignType>> {
    const q = this.campaignsOf(scope);
    return rawPage(this.ds, page, {
      ...q,
      keys: ['r.year', 'r.id'],
      direction: 'DESC',
      cursorOf: (r) => [Number(r.year), String(r.id)],
    });
  }

  async campaign(scope: Scope, id: string): Promise<StocktakeCampaignType> {
    const q = this.campaignsOf(scope);
    const [found] = isUuid(id)
      ? await rawQuery<StocktakeCampaignType>(this.ds, `${q.sql} AND c.id = :id`, { ...q.params, id })
      : [];
    if (!found) throw notFound('Stocktake');
    return found;
  }

  /** Progress per distributor of each campaign, of the items and counts the viewer sees: one statement. */
  async progressByCampaignIds(
    scope: Scope,
    ids: readonly string[],
  ): Promise<Array<StocktakeProgressType & { campaignId: string }>> {
    const i = scopeCondition(scope, 'placement', 'i');
    const k = scopeCondition(scope, 'placement', 'k');
    return rawQuery(
      this.ds,
      `WITH items AS (
         SELECT i.campaign_id, i.distributor_id, COUNT(*)::int AS instruments, COUNT(i.confirmed_at)::int AS confirmed,
                COUNT(*) FILTER (WHERE i.finding IN ('NOT_FOUND', 'WRONG_PLACE'))::int AS off
           FROM stocktake_item i WHERE i.campaign_id = ANY(:ids) AND ${i.sql} GROUP BY 1, 2),
       counts AS (
         SELECT k.campaign_id, k.distributor_id, COUNT(*)::int AS batches, COUNT(*) FILTER (WHERE k.counted <> k.derived)::int AS off
           FROM stocktake_count k WHERE k.campaign_id = ANY(:ids) AND ${k.sql} GROUP BY 1, 2)
       SELECT COALESCE(a.campaign_id, b.campaign_id) AS "campaignId", d.id AS "distributorId", d.name AS "distributorName",
              COALESCE(a.instruments, 0) AS instruments, COALESCE(a.confirmed, 0) AS confirmed,
              COALESCE(b.batches, 0) AS "batchesCounted", COALESCE(a.off, 0) + COALESCE(b.off, 0) AS discrepancies
         FROM items a FULL JOIN counts b ON b.campaign_id = a.campaign_id AND b.distributor_id = a.distributor_id
         JOIN distributor d ON d.id = COALESCE(a.distributor_id, b.distributor_id)
        ORDER BY d.name, d.id`,
      { ...i.params, ...k.params, ids: ids.filter(isUuid) },
    );
  }

  /** A campaign's items the viewer sees (a distributor: its own), the ones still to confirm first. */
  async items(
    scope: Scope,
    campaignId: string,
    page: PageArgs,
    filter: StocktakeItemFilter = {},
  ): Promise<Page<StocktakeItemType>> {
    await this.campaign(scope, campaignId);
    const owned = scopeCondition(scope, 'placement', 'i');
    const seen = scopeCondition(scope, 'hospital', 'h');
    const params: Record<string, unknown> = { ...owned.params, ...seen.params, campaignId };
    const where = [owned.sql, 'i.campaign_id = :campaignId'];
    if (filter.distributorId) {
      where.push('i.distributor_id = :distributorId');
      params.distributorId = filter.distributorId;
    }
    if (filter.confirmed != null) where.push(`i.confirmed_at IS ${filter.confirmed ? 'NOT ' : ''}NULL`);
    if (filter.search?.trim()) {
      where.push('(i.serial_no ILIKE :search OR h.name ILIKE :search)');
      params.search = containsPattern(filter.search);
    }
    return rawPage(this.ds, page, {
      sql: `SELECT ${ITEM_COLUMNS}, (i.confirmed_at IS NOT NULL)::int AS sort_done
              FROM stocktake_item i ${itemJoins(seen)} WHERE ${where.join(' AND ')}`,
      params,
      keys: ['r.sort_done', 'r."hospitalName"', 'r."serialNo"', 'r.id'],
      cursorOf: (r) => [Number(r.sort_done), String(r.hospitalName), String(r.serialNo), String(r.id)],
    });
  }

  private async item(
    scope: Scope,
    id: string,
    runner: DataSource | EntityManager = this.ds,
  ): Promise<StocktakeItemType> {
    const owned = scopeCondition(scope, 'placement', 'i');
    const seen = scopeCondition(scope, 'hospital', 'h');
    const [found] = isUuid(id)
      ? await rawQuery<StocktakeItemType>(
          runner,
          `SELECT ${ITEM_COLUMNS} FROM stocktake_item i ${itemJoins(seen)} WHERE i.id = :id AND ${owned.sql}`,
          {
            ...owned.params,
            ...seen.params,
            id,
          },
        )
      : [];
    if (!found) throw notFound('Stocktake item');
    return found;
  }

  /** Not found, wrong place, batches counted unlike their derived stock: of what the viewer sees. */
  async discrepancies(
    scope: Scope,
    campaignId: string,
    page: PageArgs,
    distributorId?: string | null,
  ): Promise<Page<StocktakeDiscrepancyType>> {
    await this.campaign(scope, campaignId);
    const i = scopeCondition(scope, 'placement', 'i');
    const k = scopeCondition(scope, 'placement', 'k');
    const seen = scopeCondition(scope, 'hospital', 'h');
    const params: Record<string, unknown> = {
      ...seen.params,
      ...i.params,
      ...k.params,
      campaignId,
      distributorId: distributorId ?? null,
    };
    return rawPage(this.ds, page, {
      sql: `SELECT i.id, i.finding AS kind, i.distributor_id AS "distributorId", d.name AS "distributorName", pr.name AS "productName",
                   i.serial_no AS "serialNo", h.name || ' · ' || hd.name AS "placeName", i.found_at AS "foundAt",
                   NULL::text AS "batchNo", NULL::int AS counted, NULL::int AS derived, d.name AS sort_name
              FROM stocktake_item i ${itemJoins(seen)}
             WHERE i.campaign_id = :campaignId AND i.finding IN ('NOT_FOUND', 'WRONG_PLACE') AND ${i.sql}
               AND (:distributorId::uuid IS NULL OR i.distributor_id = :distributorId::uuid)
            UNION ALL
            SELECT k.id, 'COUNT_DIFFERS', k.distributor_id, d.name, pr.name, NULL, NULL, NULL, NULLIF(k.batch_no, ''), k.counted, k.derived, d.name
              FROM stocktake_count k JOIN distributor d ON d.id = k.distributor_id JOIN product pr ON pr.id = k.product_id
             WHERE k.campaign_id = :campaignId AND k.counted <> k.derived AND ${k.sql}
               AND (:distributorId::uuid IS NULL OR k.distributor_id = :distributorId::uuid)`,
      params,
      keys: ['r.sort_name', 'r.id'],
      cursorOf: (r) => [String(r.sort_name), String(r.id)],
    });
  }

  /** Opens the stocktake of a year: every instrument of the brand placed now becomes an item to confirm. */
  async open(scope: Scope, input: OpenStocktakeInput): Promise<StocktakeCampaignType> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'stocktake_campaign_request_key',
      earlier: (em) => earlierByKey(em, StocktakeCampaign, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key opened another stocktake'),
    };
    let id: string;
    try {
      id = await idempotent(this.ds, write, (em) =>
        replayOrInsert(em, write, async () => {
          const saved = await em.save(
            em.create(StocktakeCampaign, {
              brandId: scope.brandId,
              year: fields.year,
              dueOn: fields.dueOn,
              status: StocktakeStatus.OPEN,
              createdBy: scope.userId,
              requestKey: idempotencyKey ?? null,
              requestHash: idempotencyKey ? write.hash : null,
            }),
          );
          const created: unknown[] = await em.query(
            `INSERT INTO stocktake_item (brand_id, campaign_id, placement_id, distributor_id, serial_no, hospital_id, department_id)
             SELECT p.brand_id, $2, p.id, p.distributor_id, p.serial_no, p.hospital_id, p.department_id
               FROM placement p WHERE p.brand_id = $1 AND p.status = 'PLACED' RETURNING id`,
            [scope.brandId, saved.id],
          );
          await audit(em, scope, 'CREATE', 'stocktake_campaign', saved.id, { ...fields, items: created.length });
          return saved.id;
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'stocktake_campaign_year'))
        throw new AppError(ErrorCode.CONFLICT, 'The stocktake of this year is open already', 'year');
      throw err;
    }
    return this.campaign(scope, id);
  }

  /** Locks an open campaign of the brand for a write (CLOSED: the coded refusal). */
  private async openCampaign(em: EntityManager, scope: Scope, id: string): Promise<StocktakeCampaign> {
    const c = isUuid(id)
      ? await em.findOne(StocktakeCampaign, {
          where: { id, brandId: scope.brandId },
          lock: { mode: 'pessimistic_read' },
        })
      : null;
    if (!c) throw notFound('Stocktake');
    if (c.status === StocktakeStatus.CLOSED) throw stocktakeClosed();
    return c;
  }

  /** A distributor's person says what he found of one of his items; again while open: the later answer stands. */
  async confirm(scope: Scope, itemId: string, input: ConfirmStocktakeItemInput): Promise<StocktakeItemType> {
    if (scope.side !== Side.PARTNER) throw notFound('Stocktake item');
    const scanned = input.scannedCode?.trim() ? scannedSerial(input.scannedCode) : null;
    try {
      await this.ds.transaction(async (em) => {
        const item = await this.item(scope, itemId, em);
        await this.openCampaign(em, scope, item.campaignId);
        const found = input.finding !== StocktakeFinding.NOT_FOUND;
        if (found) {
          if (!scanned) throw badInput('scannedCode', 'Scan the instrument’s serial');
          if (scanned !== item.serialNo)
            throw new AppError(
              ErrorCode.BAD_USER_INPUT,
              'The scanned serial is not this instrument’s',
              'scannedCode',
              ErrorReason.SERIAL_MISMATCH,
            );
          if (!input.condition) throw badInput('condition', 'Say in what condition it is');
        }
        const foundAt = input.foundAt?.trim() || null;
        if (input.finding === StocktakeFinding.WRONG_PLACE && !foundAt)
          throw badInput('foundAt', 'Say where it stands');
        const changes = {
          finding: input.finding,
          condition: found ? input.condition! : null,
          foundAt: input.finding === StocktakeFinding.WRONG_PLACE ? foundAt : null,
          meterReading: found ? (input.meterReading ?? null) : null,
          note: input.note?.trim() || null,
        };
        await em.update(
          StocktakeItem,
          { id: item.id },
          { ...changes, confirmedBy: scope.userId, confirmedAt: new Date() },
        );
        await audit(em, scope, 'UPDATE', 'stocktake_item', item.id, { ...changes, scanned });
      });
    } catch (err) {
      if (closedByDatabase(err)) throw stocktakeClosed();
      throw err;
    }
    return this.item(scope, itemId);
  }

  /** A distributor's count of one batch, beside the stock its movements derive now; again while open: the later count stands. */
  async count(scope: Scope, campaignId: string, input: CountStocktakeBatchInput): Promise<StocktakeCountType> {
    if (scope.side !== Side.PARTNER) throw notFound('Stocktake');
    const batchNo = input.batchNo?.trim() ?? '';
    let id = '';
    try {
      await this.ds.transaction(async (em) => {
        const campaign = await this.openCampaign(em, scope, campaignId);
        const distributorId = input.distributorId
          ? await visibleId(em, scope, 'distributor', input.distributorId, 'distributorId')
          : scope.distributorId;
        await visibleId(em, scope, 'product', input.productId, 'productId');
        const [row] = await em.query(
          `INSERT INTO stocktake_count (brand_id, campaign_id, distributor_id, product_id, batch_no, counted, derived, counted_by)
           VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT SUM(b.quantity)::int FROM stock_balance b
                   WHERE b.distributor_id = $3 AND b.product_id = $4 AND b.batch_no = $5::varchar), 0), $7)
           ON CONFLICT (campaign_id, distributor_id, product_id, batch_no)
           DO UPDATE SET counted = EXCLUDED.counted, derived = EXCLUDED.derived, counted_by = EXCLUDED.counted_by, updated_at = now()
           RETURNING id, derived`,
          [scope.brandId, campaign.id, distributorId, input.productId, batchNo, input.counted, scope.userId],
        );
        id = row.id;
        await audit(em, scope, 'UPDATE', 'stocktake_count', row.id, {
          campaignId: campaign.id,
          distributorId,
          productId: input.productId,
          batchNo,
          counted: input.counted,
          derived: row.derived,
        });
      });
    } catch (err) {
      if (closedByDatabase(err)) throw stocktakeClosed();
      throw err;
    }
    const k = scopeCondition(scope, 'placement', 'k');
    const [counted] = await rawQuery<StocktakeCountType>(
      this.ds,
      `SELECT k.id, k.distributor_id AS "distributorId", d.name AS "distributorName", pr.name AS "productName",
              NULLIF(k.batch_no, '') AS "batchNo", k.counted, k.derived
         FROM stocktake_count k JOIN distributor d ON d.id = k.distributor_id JOIN product pr ON pr.id = k.product_id
        WHERE k.id = :id AND ${k.sql}`,
      { ...k.params, id },
    );
    return counted;
  }

  /** Closes an open campaign: from now on its items and counts refuse every change. */
  async close(scope: Scope, id: string): Promise<StocktakeCampaignType> {
    await this.ds.transaction(async (em) => {
      const c = isUuid(id)
        ? await em.findOne(StocktakeCampaign, {
            where: { id, brandId: scope.brandId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!c) throw notFound('Stocktake');
      if (c.status === StocktakeStatus.CLOSED) throw stocktakeClosed();
      await em.update(
        StocktakeCampaign,
        { id: c.id },
        { status: StocktakeStatus.CLOSED, closedAt: new Date(), closedBy: scope.userId },
      );
      await audit(em, scope, 'UPDATE', 'stocktake_campaign', c.id, { status: StocktakeStatus.CLOSED });
    });
    return this.campaign(scope, id);
  }

  /** The photo of an instrument confirmed: see StocktakePhotoService.attach. */
  async attachPhoto(scope: Scope, id: string, fileName: string, data: Buffer): Promise<StocktakeItemType> {
    return this.item(scope, await this.photos.attach(scope, id, fileName, data));
  }

  readPhoto(scope: Scope, id: string): Promise<StoredFile> {
    return this.photos.read(scope, id);
  }
}

const ITEM_COLUMNS = `i.id, i.campaign_id AS "campaignId", i.placement_id AS "placementId", i.distributor_id AS "distributorId",
  d.name AS "distributorName", pr.name AS "productName", i.serial_no AS "serialNo", h.name AS "hospitalName",
  hd.name AS "departmentName", i.finding, i.condition, i.found_at AS "foundAt", i.meter_reading AS "meterReading", i.note,
  (i.photo_key IS NOT NULL) AS "hasPhoto", i.confirmed_at AS "confirmedAt"`;

/** An item's names; its hospital's and department's only where the viewer sees the hospital (`h`: :hospital_* parameters). */
const itemJoins = (
  seen: ScopeCondition,
) => `JOIN distributor d ON d.id = i.distributor_id JOIN placement p ON p.id = i.placement_id
  JOIN product pr ON pr.id = p.product_id LEFT JOIN hospital h ON h.id = i.hospital_id AND ${seen.sql}
  LEFT JOIN hospital_department hd ON hd.id = i.department_id AND h.id IS NOT NULL`;
