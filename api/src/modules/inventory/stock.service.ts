import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ErrorCode, ErrorReason, Side, StockMovementKind } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { notVisible, visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, badInput, notFound } from '../../common/errors';
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
import { today } from '../../common/dates';
import { StockMovement } from './inventory.entity';
import { RecordStockMovementInput } from './inventory.inputs';

const K = StockMovementKind;

/** A movement to write: its lot, its signed quantity and what it is about. */
type Draft = Pick<StockMovement, 'brandId' | 'distributorId' | 'productId' | 'batchNo' | 'serialNo' | 'kind'> &
  Partial<
    Pick<
      StockMovement,
      | 'expiryDate'
      | 'hospitalId'
      | 'departmentId'
      | 'counterpartId'
      | 'shipmentItemId'
      | 'pairId'
      | 'reversesId'
      | 'reason'
      | 'unitPrice'
      | 'currency'
      | 'requestKey'
      | 'requestHash'
    >
  > & { quantity: number; occurredOn: string; createdBy: string };

const insufficient = (field = 'quantity') =>
  new AppError(ErrorCode.CONFLICT, 'The stock holds fewer units of this lot', field, ErrorReason.INSUFFICIENT_STOCK);

const violated = (err: unknown, constraint: string): boolean =>
  err instanceof QueryFailedError && (err.driverError as { constraint?: string })?.constraint === constraint;

/**
 * Writes a distributor's stock: each movement is appended to stock_movement and added to the lot's
 * balance in the same transaction. The balance's UPDATE locks the lot's row, so concurrent writers
 * of one lot queue, and its CHECK refuses a movement that would take the lot below zero (or a
 * serial above one unit): INSUFFICIENT_STOCK, nothing written.
 */
export async function appendMovement(em: EntityManager, draft: Draft): Promise<StockMovement> {
  let expiry: string | null;
  const lot = [draft.distributorId, draft.productId, draft.batchNo, draft.serialNo];
  try {
    // the lot's row, at zero when it is new (a CHECK is tested on the row an upsert proposes, so
    // the movement is added by the UPDATE, which also takes the row's lock)
    await em.query(
      `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT (distributor_id, product_id, batch_no, serial_no) DO NOTHING`,
      [draft.brandId, ...lot, draft.expiryDate ?? null],
    );
    const [[row]] = await em.query(
      `UPDATE stock_balance SET quantity = quantity + $5, expiry_date = COALESCE(expiry_date, $6), updated_at = now()
        WHERE distributor_id = $1 AND product_id = $2 AND batch_no = $3 AND serial_no = $4
       RETURNING expiry_date::text AS expiry`,
      [...lot, draft.quantity, draft.expiryDate ?? null],
    );
    expiry = row.expiry;
  } catch (err) {
    if (violated(err, 'stock_balance_not_negative')) throw insufficient();
    if (violated(err, 'stock_balance_one_unit')) throw badInput('serialNo', 'This serial is in the stock already');
    throw err;
  }
  return em.save(em.create(StockMovement, { ...draft, expiryDate: expiry }));
}

/**
 * 渠道库存的记账: receipts of shipments, sell-out to hospitals (流向), transfers to and from a second
 * tier, hospitals' returns, adjustments with a reason, and reversals. Records are seen per
 * auth/scope.ts `channelStock`; only a distributor's own people (an owner: its second tier's too) write.
 */
export class StockService {
  constructor(private readonly ds: DataSource) {}

  /** The distributor whose stock a partner writes: their own, or one their scope holds (an owner's second tier). */
  private async writer(em: EntityManager, scope: Scope, distributorId: string | null | undefined): Promise<string> {
    if (scope.side !== Side.PARTNER) throw notFound('Distributor');
    if (!distributorId) return scope.distributorId;
    return visibleId(em, scope, 'distributor', distributorId, 'distributorId');
  }

  /** Receives every item of a shipment to the distributor not received yet: a second receipt adds nothing. */
  async receive(scope: Scope, shipmentId: string): Promise<string[]> {
    return this.ds.transaction(async (em) => {
      const owned = scopeCondition(scope, 'channelStock', 's');
      const [query, params] = em.connection.driver.escapeQueryWithParameters(
        `SELECT s.id, s.brand_id, s.distributor_id FROM shipment s WHERE s.id = :id AND ${owned.sql} FOR UPDATE`,
        { ...owned.params, id: shipmentId },
      );
      const [shipment] = isUuid(shipmentId) && scope.side === Side.PARTNER ? await em.query(query, params) : [];
      if (!shipment) throw notFound('Shipment');
      const items: Array<{
        id: string;
        product_id: string;
        quantity: number;
        batch_no: string | null;
        serial_no: string | null;
        expiry_date: string | null;
      }> = await em.query(
        `SELECT si.id, l.product_id, si.quantity, si.batch_no, si.serial_no, si.expiry_date::text AS expiry_date
           FROM shipment_item si JOIN order_line l ON l.id = si.order_line_id
          WHERE si.shipment_id = $1
            AND NOT EXISTS (SELECT 1 FROM stock_movement m WHERE m.shipment_item_id = si.id AND m.kind = 'RECEIVED')
          ORDER BY si.item_no`,
        [shipment.id],
      );
      const on = today();
      for (const item of items) {
        await appendMovement(em, {
          brandId: shipment.brand_id,
          distributorId: shipment.distributor_id,
          productId: item.product_id,
          batchNo: item.batch_no ?? '',
          serialNo: item.serial_no ?? '',
          expiryDate: item.expiry_date,
          kind: K.RECEIVED,
          quantity: item.quantity,
          occurredOn: on,
          shipmentItemId: item.id,
          createdBy: scope.userId,
        });
      }
      if (items.length) await audit(em, scope, 'CREATE', 'stock_movement', shipment.id, { received: items.length });
      const received: Array<{ id: string }> = await em.query(
        `SELECT m.id FROM stock_movement m JOIN shipment_item si ON si.id = m.shipment_item_id
          WHERE si.shipment_id = $1 AND m.kind = 'RECEIVED' ORDER BY si.item_no`,
        [shipment.id],
      );
      return received.map((r) => r.id);
    });
  }

  /** A sell-out, transfer, return or adjustment; the same request key answers the first movement again. */
  async record(scope: Scope, input: RecordStockMovementInput): Promise<string> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'stock_movement_request_key',
      earlier: (em) => earlierByKey(em, StockMovement, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key recorded another movement'),
    };
    return idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const distributorId = await this.writer(em, scope, fields.distributorId);
        const productId = await visibleId(em, scope, 'product', fields.productId, 'productId');
        const draft = await this.draftOf(em, scope, fields, distributorId, productId);
        const saved = await appendMovement(em, {
          ...draft,
          requestKey: idempotencyKey ?? null,
          requestHash: idempotencyKey ? write.hash : null,
        });
        if (saved.kind === K.TRANSFER_OUT) {
          await appendMovement(em, {
            ...draft,
            distributorId: draft.counterpartId!,
            counterpartId: distributorId,
            kind: K.TRANSFER_IN,
            quantity: -draft.quantity,
            expiryDate: saved.expiryDate,
            pairId: saved.id,
          });
        }
        await audit(em, scope, 'CREATE', 'stock_movement', saved.id, { ...fields });
        return saved.id;
      }),
    );
  }

  /** The movement an input asks for, its ids checked through the scope and its rules per kind. */
  private async draftOf(
    em: EntityManager,
    scope: Scope,
    fields: Omit<RecordStockMovementInput, 'idempotencyKey'>,
    distributorId: string,
    productId: string,
  ): Promise<Draft> {
    if (fields.occurredOn > today()) throw badInput('occurredOn', 'A movement happens on a day that has come');
    const serialNo = fields.serialNo?.trim() ?? '';
    const units = Math.abs(fields.quantity);
    if (serialNo && units !== 1) throw badInput('quantity', 'A serial number is one unit');
    if (fields.kind !== K.ADJUSTED && fields.quantity < 0) throw badInput('quantity', 'Give the units, more than 0');
    const draft: Draft = {
      brandId: scope.brandId,
      distributorId,
      productId,
      batchNo: fields.batchNo?.trim() ?? '',
      serialNo,
      expiryDate: fields.expiryDate ?? null,
      kind: fields.kind,
      quantity: fields.quantity,
      occurredOn: fields.occurredOn,
      reason: fields.reason?.trim() || null,
      createdBy: scope.userId,
    };
    // every id the input names is read through the scope first, whatever the kind makes of it
    const hospitalId = fields.hospitalId
      ? await visibleId(em, scope, 'hospital', fields.hospitalId, 'hospitalId')
      : null;
    const departmentId = fields.departmentId ? await this.department(em, hospitalId, fields.departmentId) : null;
    const counterpartId = fields.toDistributorId
      ? await this.tierOf(em, scope, distributorId, fields.toDistributorId)
      : null;
    const sells = fields.kind === K.SOLD_OUT || fields.kind === K.RETURNED;
    const price = await this.priceOf(em, fields, productId);
    if (!sells && hospitalId) throw badInput('hospitalId', 'Only a sell-out or a return names a hospital');
    if (fields.kind !== K.TRANSFER_OUT && counterpartId)
      throw badInput('toDistributorId', 'Only a transfer names another distributor');
    switch (fields.kind) {
      case K.SOLD_OUT:
      case K.RETURNED:
        if (!hospitalId) throw badInput('hospitalId', 'Choose the hospital');
        if (fields.kind === K.SOLD_OUT && !departmentId) throw badInput('departmentId', 'Choose the department');
        return { ...draft, ...price, hospitalId, departmentId, quantity: fields.kind === K.SOLD_OUT ? -units : units };
      case K.TRANSFER_OUT:
        if (!counterpartId) throw badInput('toDistributorId', 'Choose the distributor it goes to');
        return { ...draft, counterpartId, quantity: -units };
      default:
        if (!draft.reason) throw badInput('reason', 'Say why the stock is adjusted');
        return draft;
    }
  }

  /** A sell-out's reported unit price, in the currency given or else the product's; only a sell-out has one. */
  private async priceOf(
    em: EntityManager,
    fields: Omit<RecordStockMovementInput, 'idempotencyKey'>,
    productId: string,
  ): Promise<Pick<Draft, 'unitPrice' | 'currency'>> {
    if (fields.unitPrice === null || fields.unitPrice === undefined) {
      if (fields.currency) throw badInput('currency', 'A currency goes with a unit price');
      return { unitPrice: null, currency: null };
    }
    if (fields.kind !== K.SOLD_OUT) throw badInput('unitPrice', 'Only a sell-out has a unit price');
    if (fields.unitPrice.startsWith('-')) throw badInput('unitPrice', 'A unit price of 0 or more');
    if (fields.currency) return { unitPrice: fields.unitPrice, currency: fields.currency };
    const [product] = await em.query(`SELECT currency FROM product WHERE id = $1`, [productId]);
    return { unitPrice: fields.unitPrice, currency: product.currency };
  }

  /** A department of the hospital the input names (without one, no department is there). */
  private async department(em: EntityManager, hospitalId: string | null, departmentId: string): Promise<string> {
    const [dept] =
      hospitalId && isUuid(departmentId)
        ? await em.query(`SELECT 1 FROM hospital_department WHERE id = $1 AND hospital_id = $2`, [
            departmentId,
            hospitalId,
          ])
        : [];
    if (!dept) throw new AppError(ErrorCode.NOT_FOUND, 'Department not found', 'departmentId');
    return departmentId;
  }

  /**
   * Where a transfer may go: a distributor the viewer sees that is the source's own second tier or
   * the first tier above it (so an owner moves stock to and from his second tier).
   */
  private async tierOf(em: EntityManager, scope: Scope, from: string, to: string): Promise<string> {
    await visibleId(em, scope, 'distributor', to, 'toDistributorId');
    const [tier] = await em.query(
      `SELECT 1 FROM distributor t JOIN distributor f ON f.id = $2
        WHERE t.id = $1 AND t.brand_id = f.brand_id AND (t.parent_id = f.id OR f.parent_id = t.id)`,
      [to, from],
    );
    if (!tier) throw notVisible('distributor', 'toDistributorId');
    return to;
  }

  /** Corrects a wrong movement by appending its opposite (a transfer: both halves); once per movement, never a reversal. */
  async reverse(scope: Scope, id: string, reason: string): Promise<string> {
    return this.ds.transaction(async (em) => {
      const owned = scopeCondition(scope, 'channelStock', 'm');
      const found =
        isUuid(id) && scope.side === Side.PARTNER
          ? await em
              .getRepository(StockMovement)
              .createQueryBuilder('m')
              .where('m.id = :id', { id })
              .andWhere(owned.sql, owned.params)
              .getOne()
          : null;
      if (!found) throw notFound('Stock movement');
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('stock_movement:' || $1))`, [found.id]);
      const [done] = await em.query(`SELECT 1 FROM stock_movement WHERE reverses_id = $1`, [found.id]);
      if (found.kind === K.REVERSAL || found.kind === K.TRANSFER_IN || done)
        throw new AppError(
          ErrorCode.CONFLICT,
          done
            ? 'This movement is reversed already'
            : found.kind === K.REVERSAL
              ? 'A reversal is not reversed'
              : 'Reverse the transfer where it was sent',
          'id',
          ErrorReason.ALREADY_REVERSED,
        );
      const halves = [found];
      if (found.kind === K.TRANSFER_OUT)
        halves.push(await em.findOneByOrFail(StockMovement, { pairId: found.id, kind: K.TRANSFER_IN }));
      // the half that takes stock back goes first: a transfer's receiver must still hold it
      halves.reverse();
      let first = '';
      for (const m of halves) {
        const saved = await appendMovement(em, {
          brandId: m.brandId,
          distributorId: m.distributorId,
          productId: m.productId,
          batchNo: m.batchNo,
          serialNo: m.serialNo,
          expiryDate: m.expiryDate,
          kind: K.REVERSAL,
          quantity: -m.quantity,
          occurredOn: m.occurredOn,
          hospitalId: m.hospitalId,
          departmentId: m.departmentId,
          counterpartId: m.counterpartId,
          reversesId: m.id,
          reason: reason.trim(),
          createdBy: scope.userId,
        });
        if (m.id === found.id) first = saved.id;
      }
      await audit(em, scope, 'CREATE', 'stock_movement', first, { reverses: found.id, reason });
      return first;
    });
  }
}
