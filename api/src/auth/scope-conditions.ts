import { PARTNER_AUDITED_RECORDS, Role, Side } from '@medchannel/shared-schema';
import { today } from '../common/dates';
import type { Scope } from './scope';

/**
 * The scope helper's rules: for each kind of record, the one SQL condition saying which rows of it a
 * viewer may see (auth/scope.ts builds the viewer's Scope and applies these; services and read
 * paths never write their own). Imported through auth/scope.ts.
 */
/**
 * What a viewer may see, by kind of record. This is the only place that decides; services add
 * these conditions to every query and never query around them. Ids carried inside a mutation's
 * input are read through the same conditions by visibleIds() (scoped-ids.ts).
 */
export type ScopedResource =
  /** distributor rows themselves */
  | 'distributor'
  /** app_user rows */
  | 'user'
  /**
   * brand-wide reference data such as regions and products (by brand_id), and the records a rule
   * reads about a record already in view, such as compliance's distributor, product and hospital
   */
  | 'brand'
  /** the brand row itself */
  | 'tenant'
  /** hospitals: brand users by region; partner users those their authorizations cover */
  | 'hospital'
  /** rows that hang off one distributor (distributor_id): what the distributor scope allows */
  | 'distributorOwned'
  /** orders (distributor_id, placed_by): as distributorOwned, but a REP sees only the orders they placed */
  | 'order'
  /** rows addressed to one user (user_id), such as notifications: only that user */
  | 'recipient'
  /** the account (invoices, payments, statements; distributor_id): as distributorOwned, but a rep only when granted */
  | 'finance'
  /** courses: the brand's own, all of them for brand users; partner users only what is published and not archived */
  | 'course'
  /** a person's training (enrollments, certificates; distributor_id, user_id): as distributorOwned, but a rep only their own */
  | 'trainee'
  /** visit notes (author_id, visibility, their CC rows): the author, the CC list and the author's management chain; partners only SHARED notes they are CC'd on */
  | 'visitNote'
  /** visit notes whose author the viewer manages (regional head, admin): the disputed-commitments queue */
  | 'visitNoteChain'
  /** co-visit plans: their participants and the brand participants' management chain; a distributor's owner also its own plans */
  | 'coVisit'
  /**
   * a distributor's account as a rule reads it (ledger entries, open receivables, open orders;
   * distributor_id): as distributorOwned whatever the viewer's finance access, so a rep's order is
   * measured against the credit the rep is not shown
   */
  | 'account'
  /** app_user rows: the brand users the viewer manages (rule 7, read downward): an admin's brand, a regional head's team */
  | 'team'
  /**
   * app_user rows: the management chain over the brand user the lookup is about (its subject), read
   * upward by the rule `managesUser` reads downward: the active regional heads whose regions cover
   * the subject's, or when there are none the brand's active admins. Who hears of a disputed commitment.
   */
  | 'chainOver'
  /**
   * audit_log rows (distributor_id, actor_id, entity, action): an admin the whole brand's; a regional
   * head the records of the distributors his regions hold and what he and his team did; an owner
   * his own company's records (his people's actions and the brand's) of the kinds a partner reads,
   * never a visit note (its text may be internal) nor an assessment; nobody else any.
   */
  | 'auditEntry'
  /** group robots (distributor_id): a brand user the brand's own (no distributor), a partner their own distributor's */
  | 'groupRobot'
  /**
   * opportunities (hospital_id, distributor_id, owner_id): a partner its distributors' (an owner's
   * second tier too); a brand user those at hospitals of their regions, those of the distributors
   * they see and their own (an admin the brand's)
   */
  | 'opportunity'
  /** trials and their events (opportunity_id): exactly those of the opportunities the viewer sees */
  | 'trial'
  /** tenders (opportunity_id): exactly where their opportunity is seen */
  | 'tender'
  /**
   * tenders whose bid quotes below the floor the viewer decides (rule: the distributor's regional
   * head): an admin the brand's; a regional head those whose opportunity's distributor lies in his
   * regions (a brand's own lead: whose hospital does); nobody else any
   */
  | 'tenderApproval'
  /**
   * channel inventory: stock movements, balances and sell-out (distributor_id): a partner its own
   * distributor's (an owner's second tier too), a brand user those of the distributors in their
   * regions or managed by them (an admin the brand's), as distributorOwned
   */
  | 'channelStock'
  /**
   * recalls (brand_id, their reach's recall_distributor rows): a brand user the brand's (a recall is
   * brand-wide; its reach rows are read as distributorOwned, so each sees the part in scope); a
   * partner only those whose reach names one of its distributors
   */
  | 'recall'
  /**
   * exit plans and what hangs off them (distributor_id): a brand user those of the distributors
   * they see, as distributorOwned; a partner only the owner, his own company's
   */
  | 'exitPlan'
  /**
   * placed instruments and what hangs off them (placements, their stocktake items and counts;
   * distributor_id): a partner its own distributor's (an owner's second tier too, a second tier
   * only its own), a brand user those of the distributors in their regions or managed by them (an
   * admin the brand's), as distributorOwned
   */
  | 'placement';

/** Audited actions on those records that stay the brand's own (a distributor's assessment). */
const BRAND_ONLY_ACTIONS = ['RECORD_ASSESSMENT'];

export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

function distributorCondition(scope: Scope, a: string): string {
  if (scope.side === Side.PARTNER) return `(${a}.brand_id = :scope_brand AND ${a}.id = ANY(:scope_distributors))`;
  if (scope.allRegions) return `${a}.brand_id = :scope_brand`;
  return `(${a}.brand_id = :scope_brand AND (${a}.region_id = ANY(:scope_regions) OR ${a}.channel_manager_id = :scope_user))`;
}

/**
 * The management chain of a brand user U (rule 7 in docs/domain.md): every ADMIN of the brand, and every
 * REGIONAL_HEAD whose regions cover at least one of U's regions (a province covers its cities)
 * when U is neither a REGIONAL_HEAD nor an ADMIN (heads are peers, not each other's chain).
 * Partner users are in nobody's chain and have none. It follows today's region assignments, so a
 * head moved elsewhere stops seeing the old team's notes.
 *
 * The head's half as SQL: the brand user `member` is in the team of the regional head `head`
 * (both id expressions). Read downward by managesUser, upward by the `chainOver` resource.
 */
function inHeadsTeam(head: string, member: string, a: string): string {
  return `EXISTS (SELECT 1 FROM app_user ${a}_m JOIN user_region ${a}_mr ON ${a}_mr.user_id = ${a}_m.id
      JOIN region ${a}_r ON ${a}_r.id = ${a}_mr.region_id JOIN user_region ${a}_hr ON ${a}_hr.user_id = ${head}
    WHERE ${a}_m.id = ${member} AND ${a}_m.brand_id = :scope_brand AND ${a}_m.side = 'BRAND'
      AND ${a}_m.role NOT IN ('${Role.ADMIN}', '${Role.REGIONAL_HEAD}')
      AND (${a}_hr.region_id = ${a}_r.id OR ${a}_hr.region_id = ${a}_r.parent_id))`;
}

/** The chain read downward, as SQL: `column` names a brand user the viewer manages. */
function managesUser(scope: Scope, column: string, a: string): string {
  if (scope.side === Side.PARTNER) return 'FALSE';
  if (scope.role === Role.ADMIN) {
    return `${column} IN (SELECT ${a}_m.id FROM app_user ${a}_m WHERE ${a}_m.brand_id = :scope_brand AND ${a}_m.side = 'BRAND')`;
  }
  if (scope.role !== Role.REGIONAL_HEAD) return 'FALSE';
  return inHeadsTeam(':scope_user', column, a);
}

/** The chain read upward, as SQL over app_user `a`: the active heads over `:scope_subject`, else the brand's active admins. */
function chainOver(a: string): string {
  const head = (
    u: string,
  ) => `(${u}.brand_id = :scope_brand AND ${u}.role = '${Role.REGIONAL_HEAD}' AND ${u}.disabled_at IS NULL
    AND ${u}.id <> :scope_subject AND ${inHeadsTeam(`${u}.id`, ':scope_subject', u)})`;
  return `(${head(a)} OR (${a}.brand_id = :scope_brand AND ${a}.role = '${Role.ADMIN}' AND ${a}.disabled_at IS NULL AND ${a}.id <> :scope_subject
    AND NOT EXISTS (SELECT 1 FROM app_user ${a}_h WHERE ${head(`${a}_h`)})))`;
}

/**
 * The condition on rows of `resource` (aliased `alias`) the viewer may read. `subject` is the id
 * the few record-relative resources are about (chainOver: the user whose chain it is).
 */
export function scopeCondition(
  scope: Scope,
  resource: ScopedResource,
  alias: string,
  subject?: string,
): ScopeCondition {
  const params: Record<string, unknown> = { scope_brand: scope.brandId, scope_user: scope.userId };
  if (subject !== undefined) params.scope_subject = subject;
  if (scope.side === Side.PARTNER) params.scope_distributors = scope.distributorIds;
  else params.scope_regions = scope.regionIds;

  switch (resource) {
    case 'tenant':
      return { sql: `${alias}.id = :scope_brand`, params };
    case 'brand':
      return { sql: `${alias}.brand_id = :scope_brand`, params };
    case 'distributor':
      return { sql: distributorCondition(scope, alias), params };
    case 'distributorOwned': {
      const d = `${alias}_d`;
      return {
        sql: `(${alias}.brand_id = :scope_brand AND ${alias}.distributor_id IN (SELECT ${d}.id FROM distributor ${d} WHERE ${distributorCondition(scope, d)}))`,
        params,
      };
    }
    case 'order': {
      const owned = scopeCondition(scope, 'distributorOwned', alias).sql;
      if (scope.side === Side.PARTNER && scope.role === Role.REP)
        return { sql: `(${owned} AND ${alias}.placed_by = :scope_user)`, params };
      return { sql: owned, params };
    }
    case 'account':
    case 'channelStock':
    case 'placement':
      return scopeCondition(scope, 'distributorOwned', alias);
    case 'exitPlan':
      if (scope.side === Side.PARTNER && scope.role !== Role.OWNER) return { sql: 'FALSE', params };
      return scopeCondition(scope, 'distributorOwned', alias);
    case 'team':
      return { sql: `(${alias}.brand_id = :scope_brand AND ${managesUser(scope, `${alias}.id`, alias)})`, params };
    case 'chainOver':
      if (subject === undefined) throw new Error('chainOver reads the chain over a subject: name the user');
      return { sql: chainOver(alias), params };
    case 'finance': {
      const owned = scopeCondition(scope, 'distributorOwned', alias).sql;
      return { sql: seesAccounts(scope) ? owned : 'FALSE', params };
    }
    case 'course':
      if (scope.side === Side.BRAND) return { sql: `${alias}.brand_id = :scope_brand`, params };
      return {
        sql: `(${alias}.brand_id = :scope_brand AND ${alias}.published_version IS NOT NULL AND ${alias}.archived_at IS NULL)`,
        params,
      };
    case 'trainee': {
      const owned = scopeCondition(scope, 'distributorOwned', alias).sql;
      if (scope.side === Side.PARTNER && scope.role === Role.REP)
        return { sql: `(${owned} AND ${alias}.user_id = :scope_user)`, params };
      return { sql: owned, params };
    }
    case 'visitNote': {
      const cc = `EXISTS (SELECT 1 FROM visit_note_cc ${alias}_cc WHERE ${alias}_cc.note_id = ${alias}.id AND ${alias}_cc.user_id = :scope_user)`;
      // An INTERNAL note never reaches a partner, whatever its CC rows say.
      if (scope.side === Side.PARTNER)
        return { sql: `(${alias}.brand_id = :scope_brand AND ${alias}.visibility = 'SHARED' AND ${cc})`, params };
      return {
        sql: `(${alias}.brand_id = :scope_brand AND (${alias}.author_id = :scope_user OR ${cc} OR ${managesUser(scope, `${alias}.author_id`, alias)}))`,
        params,
      };
    }
    case 'visitNoteChain':
      return {
        sql: `(${alias}.brand_id = :scope_brand AND ${managesUser(scope, `${alias}.author_id`, alias)})`,
        params,
      };
    case 'coVisit': {
      const p = `${alias}_p`;
      const mine = `EXISTS (SELECT 1 FROM co_visit_participant ${p} WHERE ${p}.co_visit_id = ${alias}.id AND (${p}.user_id = :scope_user OR ${managesUser(scope, `${p}.user_id`, p)}))`;
      if (scope.side === Side.PARTNER && scope.role === Role.OWNER) {
        return {
          sql: `(${alias}.brand_id = :scope_brand AND (${alias}.distributor_id = ANY(:scope_distributors) OR ${mine}))`,
          params,
        };
      }
      return { sql: `(${alias}.brand_id = :scope_brand AND ${mine})`, params };
    }
    case 'auditEntry': {
      const d = `${alias}_d`;
      if (scope.side === Side.PARTNER) {
        if (scope.role !== Role.OWNER) return { sql: 'FALSE', params };
        return {
          sql: `(${alias}.brand_id = :scope_brand AND ${alias}.distributor_id = ANY(:scope_distributors)
            AND ${alias}.entity IN (${PARTNER_AUDITED_RECORDS.map((e) => `'${e}'`).join(', ')})
            AND ${alias}.action NOT IN (${BRAND_ONLY_ACTIONS.map((e) => `'${e}'`).join(', ')}))`,
          params,
        };
      }
      if (scope.allRegions) return { sql: `${alias}.brand_id = :scope_brand`, params };
      if (scope.role !== Role.REGIONAL_HEAD) return { sql: 'FALSE', params };
      return {
        sql: `(${alias}.brand_id = :scope_brand AND (${alias}.actor_id = :scope_user
          OR ${alias}.distributor_id IN (SELECT ${d}.id FROM distributor ${d} WHERE ${distributorCondition(scope, d)})
          OR ${managesUser(scope, `${alias}.actor_id`, alias)}))`,
        params,
      };
    }
    case 'groupRobot':
      if (scope.side === Side.PARTNER) {
        params.scope_distributor = scope.distributorId;
        return { sql: `(${alias}.brand_id = :scope_brand AND ${alias}.distributor_id = :scope_distributor)`, params };
      }
      return { sql: `(${alias}.brand_id = :scope_brand AND ${alias}.distributor_id IS NULL)`, params };
    case 'recipient':
      return { sql: `(${alias}.brand_id = :scope_brand AND ${alias}.user_id = :scope_user)`, params };
    case 'opportunity': {
      if (scope.side === Side.PARTNER)
        return {
          sql: `(${alias}.brand_id = :scope_brand AND ${alias}.distributor_id = ANY(:scope_distributors))`,
          params,
        };
      if (scope.allRegions) return { sql: `${alias}.brand_id = :scope_brand`, params };
      const h = `${alias}_h`;
      const d = `${alias}_d`;
      return {
        sql: `(${alias}.brand_id = :scope_brand AND (${alias}.owner_id = :scope_user
          OR ${alias}.hospital_id IN (SELECT ${h}.id FROM hospital ${h} WHERE ${h}.brand_id = :scope_brand AND ${h}.region_id = ANY(:scope_regions))
          OR ${alias}.distributor_id IN (SELECT ${d}.id FROM distributor ${d} WHERE ${distributorCondition(scope, d)})))`,
        params,
      };
    }
    case 'trial':
    case 'tender': {
      const o = `${alias}_o`;
      const inner = scopeCondition(scope, 'opportunity', o, subject);
      return {
        sql: `(${alias}.brand_id = :scope_brand AND ${alias}.opportunity_id IN (SELECT ${o}.id FROM opportunity ${o} WHERE ${inner.sql}))`,
        params: { ...params, ...inner.params },
      };
    }
    case 'tenderApproval': {
      if (scope.side === Side.PARTNER || (scope.role !== Role.ADMIN && scope.role !== Role.REGIONAL_HEAD))
        return { sql: 'FALSE', params };
      if (scope.allRegions) return { sql: `${alias}.brand_id = :scope_brand`, params };
      const o = `${alias}_ao`;
      return {
        sql: `(${alias}.brand_id = :scope_brand AND ${alias}.opportunity_id IN (SELECT ${o}.id FROM opportunity ${o}
          WHERE ${o}.brand_id = :scope_brand AND CASE WHEN ${o}.distributor_id IS NOT NULL
            THEN ${o}.distributor_id IN (SELECT ${o}_d.id FROM distributor ${o}_d WHERE ${o}_d.region_id = ANY(:scope_regions))
            ELSE ${o}.hospital_id IN (SELECT ${o}_h.id FROM hospital ${o}_h WHERE ${o}_h.region_id = ANY(:scope_regions)) END))`,
        params,
      };
    }
    case 'hospital': {
      if (scope.side === Side.BRAND) {
        return {
          sql: scope.allRegions
            ? `${alias}.brand_id = :scope_brand`
            : `(${alias}.brand_id = :scope_brand AND ${alias}.region_id = ANY(:scope_regions))`,
          params,
        };
      }
      // A partner sees the hospitals its live authorizations name or whose region they cover: live
      // from the first day of validity to the last, by the business calendar (China), so a grant
      // that has not started yet shows nothing and a revoked one stops on its effective date.
      const g = `${alias}_g`;
      params.scope_today = today();
      return {
        sql: `(${alias}.brand_id = :scope_brand AND EXISTS (SELECT 1 FROM authorization_grant ${g}
          WHERE ${g}.distributor_id = ANY(:scope_distributors)
            AND ${g}.valid_from <= :scope_today::date AND ${g}.valid_to >= :scope_today::date
            AND (${g}.revoked_from IS NULL OR ${g}.revoked_from > :scope_today::date)
            AND (${alias}.id = ANY(${g}.hospital_ids) OR ${alias}.region_id = ANY(${g}.region_ids)
              OR ${alias}.region_id IN (SELECT ${g}_r.id FROM region ${g}_r WHERE ${g}_r.parent_id = ANY(${g}.region_ids)))))`,
        params,
      };
    }
    case 'recall': {
      if (scope.side === Side.BRAND) return { sql: `${alias}.brand_id = :scope_brand`, params };
      const r = `${alias}_rr`;
      return {
        sql: `(${alias}.brand_id = :scope_brand AND EXISTS (SELECT 1 FROM recall_distributor ${r}
          WHERE ${r}.recall_id = ${alias}.id AND ${r}.distributor_id = ANY(:scope_distributors)))`,
        params,
      };
    }
    case 'user': {
      const d = `${alias}_d`;
      if (scope.side === Side.PARTNER) {
        // Their own distributors' people, and the brand's channel manager assigned to them.
        return {
          sql: `(${alias}.brand_id = :scope_brand AND (${alias}.distributor_id = ANY(:scope_distributors)
            OR ${alias}.id IN (SELECT ${d}.channel_manager_id FROM distributor ${d} WHERE ${distributorCondition(scope, d)})))`,
          params,
        };
      }
      return {
        sql: `(${alias}.brand_id = :scope_brand AND (${alias}.side = 'BRAND'
          OR ${alias}.distributor_id IN (SELECT ${d}.id FROM distributor ${d} WHERE ${distributorCondition(scope, d)})))`,
        params,
      };
    }
  }
}

/** May the viewer see distributors' accounts at all? Brand users (by region) and owners do; a rep when the owner grants it. */
export function seesAccounts(scope: Scope): boolean {
  return scope.side === Side.BRAND || scope.financeAccess;
}
