import { GenContext, Step } from '../context';

/**
 * The audit trail as the product writes it: a row for every order placed (its placer, on the
 * partner side) and every statement issued (on the brand side), each carrying its distributor as
 * the AuditScope trigger would find it, so the console's audit log pages a realistic table.
 */
export const audit: Step = {
  name: 'audit trail',
  async run(ctx: GenContext) {
    const { db } = ctx;
    await db.query(
      `INSERT INTO audit_log (brand_id, actor_id, side, action, entity, entity_id, distributor_id, changes, created_at, updated_at)
       SELECT o.brand_id, o.placed_by, 'PARTNER', 'PLACE', 'order', o.id, o.distributor_id,
              jsonb_build_object('status', jsonb_build_object('from', NULL, 'to', 'SUBMITTED')), o.created_at, o.created_at
         FROM purchase_order o`,
    );
    await db.query(
      `INSERT INTO audit_log (brand_id, actor_id, side, action, entity, entity_id, distributor_id, changes, created_at, updated_at)
       SELECT st.brand_id, NULL, 'BRAND', 'ISSUE_STATEMENT', 'statement', st.id, st.distributor_id,
              jsonb_build_object('period', st.period), st.created_at, st.created_at
         FROM statement st`,
    );
    const {
      rows: [r],
    } = await db.query(`SELECT count(*)::int AS n FROM audit_log`);
    return `${r.n} audit rows`;
  },
};
