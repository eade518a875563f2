import { DataSource, EntityManager } from 'typeorm';
import {
  AuthorizationKind,
  CommitmentStatus,
  DistributorStage,
  ErrorReason,
  ExitHandoverKind,
  OpportunityStage,
} from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode } from '../../common/errors';
import { addDays, today } from '../../common/dates';
import { AuthorizationGrant, type AuthorizationService } from '../authorization';
import { visibleDistributor } from '../distributor';
import { ExitHandover, ExitPlan } from './exit.entity';
import type { ExitService } from './exit.service';

/** What one part of the hand-over is given: the plan, its successor, the transaction, the viewer. */
interface HandoverContext {
  em: EntityManager;
  scope: Scope;
  plan: ExitPlan;
  successorId: string;
}

/**
 * One kind of record handed to the successor: it moves (or lists) them and answers their ids. The
 * hand-over runs every part in one transaction.
 */
type HandoverPart = (ctx: HandoverContext) => Promise<{ kind: ExitHandoverKind; ids: string[] }[]>;

/** Open opportunities move to the successor, each audited on its own record. */
const opportunities: HandoverPart = async ({ em, scope, plan, successorId }) => {
  const [moved]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE opportunity SET distributor_id = $2, version = version + 1, updated_at = now()
      WHERE distributor_id = $1 AND stage NOT IN ($3, $4) RETURNING id`,
    [plan.distributorId, successorId, OpportunityStage.WON, OpportunityStage.LOST],
  );
  for (const o of moved)
    await audit(em, scope, 'HAND_OVER', 'opportunity', o.id, {
      distributorId: { from: plan.distributorId, to: successorId },
      exitPlanId: plan.id,
    });
  return [{ kind: ExitHandoverKind.OPPORTUNITY, ids: moved.map((o) => o.id) }];
};

/**
 * Placed instruments still at their hospitals move to the successor with their agreements (the
 * reagent commitment goes with the placement): each gets a HANDED_OVER step appended to its
 * history and is audited; their unconfirmed items of an open stocktake follow them. From then on
 * the placement is the successor's: the exiting distributor reaches it no more.
 */
const placements: HandoverPart = async ({ em, scope, plan, successorId }) => {
  const [moved]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE placement SET distributor_id = $2, version = version + 1, updated_at = now()
      WHERE distributor_id = $1 AND status = 'PLACED' RETURNING id`,
    [plan.distributorId, successorId],
  );
  if (!moved.length) return [{ kind: ExitHandoverKind.PLACEMENT, ids: [] }];
  const ids = moved.map((p) => p.id);
  await em.query(
    `INSERT INTO placement_event (brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, note, actor_id)
     SELECT p.brand_id, p.id, 'HANDED_OVER', $2, p.hospital_id, p.department_id, p.serial_no, d.name, $3
       FROM placement p JOIN distributor d ON d.id = p.distributor_id WHERE p.id = ANY($1)`,
    [ids, today(), scope.userId],
  );
  await em.query(
    `UPDATE stocktake_item i SET distributor_id = $2, updated_at = now()
      WHERE i.placement_id = ANY($1) AND i.confirmed_at IS NULL
        AND EXISTS (SELECT 1 FROM stocktake_campaign c WHERE c.id = i.campaign_id AND c.status = 'OPEN')`,
    [ids, successorId],
  );
  for (const id of ids)
    await audit(em, scope, 'HAND_OVER', 'placement', id, {
      distributorId: { from: plan.distributorId, to: successorId },
      exitPlanId: plan.id,
    });
  return [{ kind: ExitHandoverKind.PLACEMENT, ids }];
};

/**
 * The successor's temporary authorization over what the exiting distributor's grants covered
 * (those the plan revoked), from the effective date for the longest a temporary grant lasts, made
 * by the authorization service under every rule a grant obeys (the successor's qualifications,
 * exclusivity); the hospitals those grants and the moved opportunities name are handed over with it.
 */
const authorization =
  (grants: AuthorizationService, maxDays: number): HandoverPart =>
  async ({ em, scope, plan, successorId }) => {
    const revoked = await em.find(AuthorizationGrant, {
      where: { distributorId: plan.distributorId, revokedFrom: plan.effectiveOn },
    });
    const union = (pick: (g: AuthorizationGrant) => string[]) => [...new Set(revoked.flatMap(pick))];
    const hospitals: Array<{ id: string }> = await em.query(
      `SELECT hospital_id AS id FROM opportunity WHERE distributor_id = $1 AND stage NOT IN ($2, $3)
       UNION SELECT hospital_id FROM exit_handover h JOIN placement p ON p.id = h.record_id
        WHERE h.plan_id = $4 AND h.kind = $5`,
      [successorId, OpportunityStage.WON, OpportunityStage.LOST, plan.id, ExitHandoverKind.PLACEMENT],
    );
    const hospitalIds = [...new Set([...union((g) => g.hospitalIds), ...hospitals.map((h) => h.id)])];
    if (!revoked.length) return [{ kind: ExitHandoverKind.HOSPITAL, ids: hospitalIds }];
    const validFrom = plan.effectiveOn > today() ? plan.effectiveOn : today();
    const grant = await grants.grantIn(
      em,
      scope,
      {
        distributorId: successorId,
        kind: AuthorizationKind.TEMPORARY,
        exclusive: false,
        productLineIds: union((g) => g.productLineIds),
        productIds: union((g) => g.productIds),
        regionIds: union((g) => g.regionIds),
        hospitalIds: union((g) => g.hospitalIds),
        validFrom,
        validTo: addDays(validFrom, maxDays - 1),
      },
      { exitPlanId: plan.id },
    );
    plan.successorAuthorizationId = grant.id;
    return [
      { kind: ExitHandoverKind.AUTHORIZATION, ids: [grant.id] },
      { kind: ExitHandoverKind.HOSPITAL, ids: hospitalIds },
    ];
  };

/**
 * Open commitments (made on visit notes about the exiting distributor, not resolved) are listed
 * for the successor: the notes stay the record of what the exiting one promised.
 */
const commitments: HandoverPart = async ({ em, plan }) => {
  const open: Array<{ id: string }> = await em.query(
    `SELECT c.id FROM visit_commitment c JOIN visit_note n ON n.id = c.note_id
      WHERE n.distributor_id = $1 AND c.status <> $2 ORDER BY c.created_at, c.id`,
    [plan.distributorId, CommitmentStatus.RESOLVED],
  );
  return [{ kind: ExitHandoverKind.COMMITMENT, ids: open.map((c) => c.id) }];
};

/**
 * The hand-over to the successor: opportunities and placed instruments move, a temporary
 * authorization covers what the exiting distributor held, its hospitals and open commitments are
 * listed for the successor.
 * Once per plan (again answers the plan as it is).
 */
export class ExitHandoverService {
  private readonly parts: HandoverPart[];

  constructor(
    private readonly ds: DataSource,
    private readonly plans: ExitService,
    grants: AuthorizationService,
    maxTemporaryDays: number,
  ) {
    // opportunities and placements first: the authorization's hospitals include those they name
    this.parts = [opportunities, placements, authorization(grants, maxTemporaryDays), commitments];
  }

  async handOver(scope: Scope, planId: string): Promise<ExitPlan> {
    await this.ds.transaction(async (em) => {
      const plan = await this.plans.get(scope, planId, em, true);
      if (plan.handedOverAt) return;
      if (!plan.successorId)
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'The plan names no successor',
          'planId',
          ErrorReason.VALIDATION_FAILED,
        );
      const successor = await visibleDistributor(em, scope, plan.successorId);
      if ([DistributorStage.PROSPECT, DistributorStage.EXITING, DistributorStage.TERMINATED].includes(successor.stage))
        throw new AppError(
          ErrorCode.CONFLICT,
          `A distributor in stage ${successor.stage} cannot take over`,
          'planId',
          ErrorReason.ILLEGAL_TRANSITION,
        );
      const counts: Record<string, number> = {};
      for (const part of this.parts) {
        for (const { kind, ids } of await part({ em, scope, plan, successorId: successor.id })) {
          counts[kind] = (counts[kind] ?? 0) + ids.length;
          if (ids.length)
            await em.insert(
              ExitHandover,
              ids.map((recordId) => ({
                brandId: plan.brandId,
                planId: plan.id,
                kind,
                recordId,
                successorId: successor.id,
              })),
            );
        }
      }
      plan.handedOverAt = new Date();
      await em.save(plan);
      await audit(em, scope, 'HAND_OVER', 'distributor', plan.distributorId, {
        exitPlanId: plan.id,
        successorId: successor.id,
        ...counts,
      });
    });
    return this.plans.get(scope, planId);
  }
}
