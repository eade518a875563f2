import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Side, sideOfRole } from '@medchannel/shared-schema';
import { SeedDistributor, SeedUser, USERS, distributorByCode } from '../../src/db/seed/demo-data';
import { PRODUCTS } from '../../src/db/seed/catalog-data';
import { expectedDistributors, foreignDistributors } from '../personas';

/**
 * Exit plans for the matrix, never on a seeded distributor (an exit revokes its authorizations and
 * stops its orders): on a new distributor like a seeded one (same brand, region, channel manager
 * and parent), which a viewer sees exactly when they see the seeded one.
 */
export async function cloneOf(ds: DataSource, origin: { id: string }, parentId?: string): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id, channel_manager_id, parent_id)
     SELECT brand_id, $2, $3, 'FORMAL', tier, region_id, channel_manager_id, COALESCE($4, parent_id) FROM distributor WHERE id = $1
     RETURNING id`,
    [origin.id, `退出测试 ${tag}`, `X${tag}`, parentId ?? null],
  );
  return row.id;
}

const adminOf = (brandId: string) => USERS.find((u) => u.brandId === brandId && u.role === 'ADMIN')!;

/** A distributor the persona sees, new: a partner's as its second tier, a brand user's like its first distributor. */
export async function ownClone(ds: DataSource, user: SeedUser): Promise<string> {
  if (sideOfRole(user.role) === Side.PARTNER) {
    const own = distributorByCode(user.distributorCode!);
    return cloneOf(ds, own, own.id);
  }
  return cloneOf(ds, expectedDistributors(user)[0]);
}

/** An exit plan of a distributor, written straight to the table (its starter: the brand's admin). */
export async function planOn(
  ds: DataSource,
  distributorId: string,
  opts: { successorId?: string; effectiveOn?: string; settled?: boolean } = {},
): Promise<string> {
  const [d] = await ds.query(`SELECT brand_id FROM distributor WHERE id = $1`, [distributorId]);
  const [row] = await ds.query(
    `INSERT INTO exit_plan (brand_id, distributor_id, successor_id, effective_on, reason, settled_at, final_balance, final_currency, created_by, request_key, request_hash)
     VALUES ($1, $2, $3, $4, '矩阵退出', CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN 0 END, CASE WHEN $5 THEN 'CNY' END, $6, $7, repeat('0', 64))
     ON CONFLICT (distributor_id) DO UPDATE SET acknowledged_at = NULL, acknowledged_by = NULL
     RETURNING id`,
    [
      d.brand_id,
      distributorId,
      opts.successorId ?? null,
      opts.effectiveOn ?? '2099-12-01',
      Boolean(opts.settled),
      adminOf(d.brand_id).id,
      randomUUID(),
    ],
  );
  return row.id;
}

/** Plans on new distributors like two the persona may not see (one of its brand, one of the other). */
export async function foreignPlans(ds: DataSource, user: SeedUser): Promise<string[]> {
  const foreign = foreignDistributors(user);
  const picks = [foreign.find((d) => d.brandId === user.brandId), foreign.find((d) => d.brandId !== user.brandId)];
  return Promise.all(
    picks.filter((d): d is SeedDistributor => Boolean(d)).map(async (d) => planOn(ds, await cloneOf(ds, d))),
  );
}

/** Units of the brand's first product on a distributor's stock (lot RB1), written straight to the tables. */
export async function stockOn(
  ds: DataSource,
  distributorId: string,
  brandId: string,
  quantity: number,
): Promise<string> {
  const product = PRODUCTS.find((p) => p.brandId === brandId)!;
  await ds.query(
    `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, quantity) VALUES ($1, $2, $3, 'RB1', '', $4)`,
    [brandId, distributorId, product.id, quantity],
  );
  return product.id;
}
