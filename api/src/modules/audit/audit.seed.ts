import type { EntityManager } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { distributorByCode, fixedId, userByEmail } from '../../db/seed/demo-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';

/**
 * A short history in the audit trail (the demo's own actions write the rest as people use it):
 * changes to distributors and people made before the demo starts, from both sides. The audit
 * page's browser test filters by 杭州康达 and finds the credit limit 孙丽 raised.
 */
export const SEED_AUDIT = [
  {
    id: fixedId(0xad, 1),
    by: 'finance@huakang.demo',
    action: 'SET_CREDIT_LIMIT',
    distributor: 'HK-KD',
    daysAgo: 20,
    changes: { creditLimit: { from: '3000000.00', to: '5000000.00' } },
  },
  {
    id: fixedId(0xad, 2),
    by: 'zhang.cm@huakang.demo',
    action: 'RECORD_ASSESSMENT',
    distributor: 'HK-KD',
    daysAgo: 18,
    changes: { scores: { coverage: 4, compliance: 5 } },
  },
  {
    id: fixedId(0xad, 3),
    by: 'boss@kangda.demo',
    action: 'SET_FINANCE_ACCESS',
    user: 'li.rep@kangda.demo',
    daysAgo: 15,
    changes: { financeAccess: { from: false, to: true } },
  },
  {
    id: fixedId(0xad, 4),
    by: 'chen.cm@huakang.demo',
    action: 'MOVE_STAGE',
    distributor: 'HK-YK',
    daysAgo: 12,
    changes: { stage: { from: 'TRIAL', to: 'FORMAL' } },
  },
  {
    id: fixedId(0xad, 5),
    by: 'finance@ruiguang.demo',
    action: 'SET_CREDIT_LIMIT',
    distributor: 'RG-RD',
    daysAgo: 10,
    changes: { creditLimit: { from: '800000.00', to: '1200000.00' } },
  },
] as const;

export async function seedAudit(em: EntityManager, cal: SeedCalendar): Promise<void> {
  for (const row of SEED_AUDIT) {
    const actor = userByEmail(row.by);
    const [entity, entityId] =
      'user' in row ? ['user', userByEmail(row.user).id] : ['distributor', distributorByCode(row.distributor).id];
    // the trigger of migration AuditScope fills distributor_id, as it does for every audit row
    await em.query(
      `INSERT INTO audit_log (id, brand_id, actor_id, side, action, entity, entity_id, changes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING`,
      [
        row.id,
        actor.brandId,
        actor.id,
        actor.distributorCode ? Side.PARTNER : Side.BRAND,
        row.action,
        entity,
        entityId,
        JSON.stringify(row.changes),
        cal.factAt(cal.fromToday(-row.daysAgo), '10:30'),
      ],
    );
  }
}
