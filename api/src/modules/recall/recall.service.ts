import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind, RecallStatus, Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import type { NotificationService } from '../notification';
import { Recall } from './recall.entity';
import { CreateRecallInput } from './recall.inputs';

/**
 * The movements of the recalled lot `m`, each with the kind and direction of what it stands for (a
 * reversal counts as the movement it reverses, with the opposite sign) and the hospital it touched.
 * A batch recall takes every serial of the batch; a serial recall the one unit (of that batch when
 * one is named). Named parameters: :brand, :product, :batch, :serial.
 */
export function lotMovements(batchNo: string, serialNo: string): string {
  const lot = [batchNo ? 'm.batch_no = :batch' : null, serialNo ? `m.serial_no = :serial AND m.serial_no <> ''` : null]
    .filter(Boolean)
    .join(' AND ');
  return `SELECT m.distributor_id, m.quantity, COALESCE(o.kind, m.kind) AS kind, COALESCE(o.quantity, m.quantity) > 0 AS inward,
                 COALESCE(m.hospital_id, o.hospital_id) AS hospital_id, COALESCE(m.department_id, o.department_id) AS department_id
            FROM stock_movement m LEFT JOIN stock_movement o ON o.id = m.reverses_id
           WHERE m.brand_id = :brand AND m.product_id = :product AND ${lot}`;
}

/**
 * Recalls: issued by the brand (its reach computed once from the lot's movements, every recipient
 * distributor's people told), acknowledged by each reached distributor, closed by the brand. The
 * reach and the acknowledgements are append-only rows; closing moves only the recall's status.
 */
export class RecallService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async create(scope: Scope, input: CreateRecallInput): Promise<string> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'recall_request_key',
      earlier: (em) => earlierByKey(em, Recall, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key issued another recall'),
    };
    return idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        if (scope.side !== Side.BRAND) throw notFound('Product');
        const productId = await visibleId(em, scope, 'product', fields.productId, 'productId');
        const batchNo = fields.batchNo?.trim() ?? '';
        const serialNo = fields.serialNo?.trim() ?? '';
        if (!batchNo && !serialNo) throw badInput('batchNo', 'Name the batch or the serial to recall');
        const [recall] = await em.query(
          `INSERT INTO recall (brand_id, product_id, batch_no, serial_no, reason, severity, instructions, created_by, request_key, request_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            scope.brandId,
            productId,
            batchNo,
            serialNo,
            fields.reason.trim(),
            fields.severity,
            fields.instructions.trim(),
            scope.userId,
            idempotencyKey ?? null,
            idempotencyKey ? write.hash : null,
          ],
        );
        const reached = await this.reach(em, recall.id, scope.brandId, productId, batchNo, serialNo);
        if (!reached) throw badInput(batchNo ? 'batchNo' : 'serialNo', 'No distributor received this lot');
        await this.tell(em, scope.brandId, recall.id, productId, batchNo, serialNo);
        await audit(em, scope, 'CREATE', 'recall', recall.id, { ...fields, reached });
        return recall.id as string;
      }),
    );
  }

  /** Writes the recall's reach from the lot's movements: its distributors, then their hospitals. Answers how many distributors. */
  private async reach(
    em: EntityManager,
    recallId: string,
    brandId: string,
    productId: string,
    batchNo: string,
    serialNo: string,
  ): Promise<number> {
    const named = { brand: brandId, product: productId, batch: batchNo, serial: serialNo, recall: recallId };
    const lot = lotMovements(batchNo, serialNo);
    const query = (sql: string) => em.query(...em.connection.driver.escapeQueryWithParameters(sql, named));
    const reached: unknown[] = await query(
      `INSERT INTO recall_distributor (recall_id, brand_id, distributor_id, received, held, transferred, sold)
       SELECT :recall, :brand, l.distributor_id,
              COALESCE(SUM(l.quantity) FILTER (WHERE l.kind IN ('RECEIVED', 'TRANSFER_IN', 'ADJUSTED') AND l.inward), 0),
              SUM(l.quantity),
              COALESCE(-SUM(l.quantity) FILTER (WHERE l.kind = 'TRANSFER_OUT'), 0),
              COALESCE(-SUM(l.quantity) FILTER (WHERE l.kind IN ('SOLD_OUT', 'RETURNED')), 0)
         FROM (${lot}) l
        GROUP BY l.distributor_id
       HAVING SUM(l.quantity) > 0
           OR COALESCE(SUM(l.quantity) FILTER (WHERE l.kind IN ('RECEIVED', 'TRANSFER_IN', 'ADJUSTED') AND l.inward), 0) > 0
       RETURNING distributor_id`,
    );
    await query(
      `INSERT INTO recall_hospital (recall_id, brand_id, distributor_id, hospital_id, department_id, quantity)
       SELECT :recall, :brand, l.distributor_id, l.hospital_id, l.department_id, -SUM(l.quantity)
         FROM (${lot}) l
        WHERE l.kind IN ('SOLD_OUT', 'RETURNED') AND l.hospital_id IS NOT NULL
          AND l.distributor_id IN (SELECT distributor_id FROM recall_distributor WHERE recall_id = :recall)
        GROUP BY l.distributor_id, l.hospital_id, l.department_id
       HAVING SUM(l.quantity) < 0`,
    );
    return reached.length;
  }

  /** Every active person of each reached distributor hears of it (inbox, and mail or robots as they chose). */
  private async tell(
    em: EntityManager,
    brandId: string,
    recallId: string,
    productId: string,
    batchNo: string,
    serialNo: string,
  ): Promise<void> {
    const people: Array<{ id: string }> = await em.query(
      `SELECT u.id FROM app_user u JOIN recall_distributor r ON r.distributor_id = u.distributor_id
        WHERE r.recall_id = $1 AND u.disabled_at IS NULL`,
      [recallId],
    );
    const [product] = await em.query(`SELECT name FROM product WHERE id = $1`, [productId]);
    await this.notifications.notify(em, {
      brandId,
      userIds: people.map((p) => p.id),
      kind: NotificationKind.RECALL_ISSUED,
      entity: 'recall',
      entityId: recallId,
      params: { name: product.name, lot: [batchNo, serialNo].filter(Boolean).join(' / ') },
    });
  }

  /** The recall, read through the viewer's scope (NOT_FOUND like a missing one), locked for the change. */
  private async visible(em: EntityManager, scope: Scope, id: string): Promise<{ id: string; status: RecallStatus }> {
    const seen = scopeCondition(scope, 'recall', 'r');
    const [sql, params] = em.connection.driver.escapeQueryWithParameters(
      `SELECT r.id, r.status FROM recall r WHERE r.id = :id AND ${seen.sql} FOR UPDATE OF r`,
      { ...seen.params, id },
    );
    const [row] = isUuid(id) ? await em.query(sql, params) : [];
    if (!row) throw notFound('Recall');
    return row;
  }

  /**
   * A reached distributor's person acknowledges for it (an owner may for a reached second tier). The
   * first acknowledgement stands: again, it answers that one, changing nothing.
   */
  async acknowledge(scope: Scope, recallId: string, distributorId?: string | null): Promise<string> {
    return this.ds.transaction(async (em) => {
      if (scope.side !== Side.PARTNER) throw notFound('Recall');
      const recall = await this.visible(em, scope, recallId);
      const forWhom = distributorId ?? scope.distributorId;
      if (!isUuid(forWhom) || !scope.distributorIds.includes(forWhom)) throw notFound('Recall');
      const [reached] = await em.query(
        `SELECT 1 FROM recall_distributor WHERE recall_id = $1 AND distributor_id = $2`,
        [recall.id, forWhom],
      );
      if (!reached) throw notFound('Recall');
      const [written] = await em.query(
        `INSERT INTO recall_ack (recall_id, distributor_id, brand_id, acknowledged_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (recall_id, distributor_id) DO NOTHING RETURNING acknowledged_at`,
        [recall.id, forWhom, scope.brandId, scope.userId],
      );
      if (written) await audit(em, scope, 'ACKNOWLEDGE_RECALL', 'recall', recall.id, { distributorId: forWhom });
      return forWhom;
    });
  }

  /** Closes an open recall; closing a closed one changes nothing. Its reach stays as it was. */
  async close(scope: Scope, recallId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const recall = await this.visible(em, scope, recallId);
      if (recall.status === RecallStatus.CLOSED) return;
      await em.query(
        `UPDATE recall SET status = 'CLOSED', closed_at = clock_timestamp(), closed_by = $2, updated_at = now() WHERE id = $1`,
        [recall.id, scope.userId],
      );
      await audit(em, scope, 'CLOSE', 'recall', recall.id, {});
    });
  }
}
