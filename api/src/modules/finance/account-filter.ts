import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { withinRegion } from '../region';

/**
 * The account lists' filters (invoices, payments, statements, credit notes) on a query whose
 * `column` names the distributor: one account, or the accounts of a region (a province takes its
 * cities), as the aging and the account pages filter (AccountService). Written once, so the
 * console's region picker narrows every finance tab alike.
 */
export function filterAccounts<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  filter: { distributorId?: string | null; regionId?: string | null },
): SelectQueryBuilder<T> {
  if (filter.distributorId) qb.andWhere(`${column} = :accountId`, { accountId: filter.distributorId });
  if (filter.regionId)
    qb.andWhere(
      `${column} IN (SELECT ad.id FROM distributor ad WHERE ${withinRegion('ad.region_id', 'accountRegionId')})`,
      {
        accountRegionId: filter.regionId,
      },
    );
  return qb;
}
