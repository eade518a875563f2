/**
 * A distributor's tier on a day, in SQL: the latest row of its tier history (distributor_tier,
 * appended by an approved re-tier, module scorecard) effective by that day, else the tier it was
 * created with (distributor.tier). Price resolution reads it, so a re-tier from a date moves the
 * prices from that date and orders placed before keep theirs. `distributorId` and `on` are SQL
 * expressions (a column or a parameter).
 */
export function tierOnSql(distributorId: string, on: string): string {
  return `COALESCE((SELECT dt.tier FROM distributor_tier dt WHERE dt.distributor_id = ${distributorId}
      AND dt.effective_from <= ${on} ORDER BY dt.effective_from DESC LIMIT 1),
    (SELECT dd.tier FROM distributor dd WHERE dd.id = ${distributorId}))`;
}
