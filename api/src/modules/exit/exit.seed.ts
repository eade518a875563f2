import { EntityManager } from 'typeorm';
import { StockMovementKind, sideOfRole } from '@medchannel/shared-schema';
import { buildScope } from '../../auth/scope';
import { fingerprint } from '../../common/idempotency';
import { BRANDS, distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { appendMovement } from '../inventory';
import { beginExit } from './exit.service';

/** The demo's exit, as the screens and tests read it. */
export const SEED_EXIT = {
  distributorCode: 'RG-WZRH',
  successorCode: 'RG-RD',
  /** the analyser 温州瑞华 still holds, to be bought back or sold out */
  batch: 'RG2509',
  effectiveIn: 14,
  sellOutFor: 45,
  reason: '连续两个季度未达目标，且在授权区域外低价销售',
};

/**
 * 劝退 in the demo: 瑞光's admin has started the exit of 温州瑞华 (瑞达's second tier), effective in
 * two weeks, its stock to be sold out within 45 days, 瑞达 its successor. 温州瑞华 holds one
 * analyser from before the system (its formal grant for 温州 and the 64,000.00 it owes are the
 * core seed's); what is left is the plan's own work: decide, buy back or run down, hand over,
 * settle, and the owner's checklist. Started through the exit's own `beginExit`, so the stage
 * change, the revoked grant and the audit trail are the ones the console writes.
 */
export async function seedExit(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const RG = BRANDS.ruiguang.id;
  const exiting = distributorByCode(SEED_EXIT.distributorCode);
  const owner = userByEmail('boss@wzruihua.demo');
  const admin = userByEmail('admin@ruiguang.demo');
  const analyser = PRODUCTS.find((p) => p.brandId === RG && p.code === 'RG-BC-800')!;
  await appendMovement(em, {
    brandId: RG,
    distributorId: exiting.id,
    productId: analyser.id,
    batchNo: SEED_EXIT.batch,
    serialNo: '',
    expiryDate: cal.fromToday(420),
    kind: StockMovementKind.ADJUSTED,
    quantity: 1,
    occurredOn: cal.fromToday(-90),
    reason: '期初库存（系统上线前）',
    createdBy: owner.id,
  });
  const scope = await buildScope(em, { ...admin, side: sideOfRole(admin.role), distributorId: null });
  const fields = {
    successorId: distributorByCode(SEED_EXIT.successorCode).id,
    effectiveOn: cal.fromToday(SEED_EXIT.effectiveIn),
    sellOutUntil: cal.fromToday(SEED_EXIT.sellOutFor),
    reason: SEED_EXIT.reason,
  };
  await beginExit(
    em,
    scope,
    { id: exiting.id, stage: exiting.stage },
    { ...fields, requestKey: 'demo-exit', requestHash: fingerprint({ distributorId: exiting.id, ...fields }) },
  );
}
