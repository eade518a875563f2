import { GenContext, Step, count } from '../context';

/**
 * 折让 / 返利: the record behind each rebate and credit note of the ledger (its source), posted by
 * finance with a reason, as postAccountCredit writes it: the 折让返利 list reads these.
 */
export const credits: Step = {
  name: 'credit notes and rebates',
  async run(ctx: GenContext) {
    await ctx.db.query(
      `INSERT INTO account_credit (id, brand_id, distributor_id, kind, amount, currency, occurred_on, reason, created_by,
                                   request_key, request_hash, created_at, updated_at)
       SELECT e.source_id, e.brand_id, e.distributor_id, e.kind, -e.amount, e.currency, e.occurred_on,
              CASE e.kind WHEN 'REBATE' THEN '季度达量返利 ' ELSE '包装破损折让 ' END || to_char(e.occurred_on, 'YYYY-MM'),
              bench_gen.uid('user:finance'), e.source_id::text, md5(e.source_id::text) || md5(e.id::text), e.created_at, e.created_at
         FROM ledger_entry e WHERE e.source_type = 'account_credit'`,
    );
    return `${await count(ctx, 'account_credit')} credit notes and rebates`;
  },
};
