import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_PROTECTION_DAYS,
  ErrorReason,
  NotificationKind,
  OpportunityStage,
  RegistrationStatus,
} from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, illegal, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { addDays, today } from '../../common/dates';
import type { ComplianceService } from '../compliance';
import type { NotificationService } from '../notification';
import { DealRegistration, Opportunity } from './opportunity.entity';
import { OpportunityService, registrationStatusOn } from './opportunity.service';

/** The one refusal of a place another distributor's approved registration protects: never whose, nor until when. */
const protectedPlace = () =>
  new AppError(
    ErrorCode.CONFLICT,
    'Another registration protects this hospital, department and product line',
    undefined,
    ErrorReason.REGISTRATION_PROTECTED,
  );

/**
 * Registration (项目报备): a distributor asks the brand to protect its opportunity; the distributor's
 * channel manager (or an admin) approves it for the brand's protection period, or rejects it with a
 * reason. While an approval protects a hospital × department × product line, another distributor's
 * registration of the same is refused. Registering needs an authorization covering the line at the
 * hospital (rule 1, asked of the compliance service).
 */
export class RegistrationService {
  constructor(
    private readonly ds: DataSource,
    private readonly opportunities: OpportunityService,
    private readonly compliance: ComplianceService,
    private readonly notifications: NotificationService,
  ) {}

  async protectionDays(scope: Scope, em: EntityManager = this.ds.manager): Promise<number> {
    const [row] = await em.query(`SELECT protection_days FROM opportunity_setting WHERE brand_id = $1`, [
      scope.brandId,
    ]);
    return row?.protection_days ?? DEFAULT_PROTECTION_DAYS;
  }

  async setProtectionDays(scope: Scope, days: number): Promise<number> {
    return this.ds.transaction(async (em) => {
      const before = await this.protectionDays(scope, em);
      await em.query(
        `INSERT INTO opportunity_setting (brand_id, protection_days) VALUES ($1, $2)
         ON CONFLICT (brand_id) DO UPDATE SET protection_days = EXCLUDED.protection_days, updated_at = now()`,
        [scope.brandId, days],
      );
      await audit(em, scope, 'SET_PROTECTION_DAYS', 'brand', scope.brandId, {
        protectionDays: { from: before, to: days },
      });
      return days;
    });
  }

  /** The distributor registers its opportunity; a registration still pending or protecting answers again (a double tap). */
  async register(scope: Scope, opportunityId: string): Promise<Opportunity> {
    await this.ds.transaction(async (em) => {
      const opportunity = await this.opportunities.locked(em, scope, opportunityId);
      if (opportunity.stage === OpportunityStage.WON || opportunity.stage === OpportunityStage.LOST)
        throw illegal('A closed opportunity is not registered');
      const distributorId = opportunity.distributorId!;
      const on = today();
      const latest = await em.findOne(DealRegistration, {
        where: { opportunityId: opportunity.id },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      const status = latest && registrationStatusOn(latest, on);
      if (status === RegistrationStatus.PENDING || status === RegistrationStatus.APPROVED) return;
      await this.refuseUncovered(em, scope, opportunity, on);
      await this.lockPlace(em, opportunity);
      if (await this.protectedForAnother(em, opportunity, distributorId, on)) throw protectedPlace();
      const registration = await em.save(
        em.create(DealRegistration, {
          brandId: scope.brandId,
          opportunityId: opportunity.id,
          distributorId,
          status: RegistrationStatus.PENDING,
          registeredBy: scope.userId,
          decidedBy: null,
          decidedAt: null,
          rejectReason: null,
          protectedUntil: null,
        }),
      );
      await audit(em, scope, 'REGISTER_OPPORTUNITY', 'opportunity', opportunity.id, {
        registrationId: registration.id,
      });
      const [manager] = await em.query(`SELECT channel_manager_id AS id FROM distributor WHERE id = $1`, [
        distributorId,
      ]);
      if (manager?.id) {
        await this.notifications.notify(em, {
          brandId: scope.brandId,
          userIds: [manager.id],
          kind: NotificationKind.OPPORTUNITY_REGISTERED,
          entity: 'opportunity',
          entityId: opportunity.id,
          params: { name: await this.hospitalName(em, opportunity) },
        });
      }
    });
    return this.opportunities.get(scope, opportunityId);
  }

  /** Approved: protected from today for the brand's period, unless another distributor's approval protects the place already. */
  async approve(scope: Scope, registrationId: string): Promise<Opportunity> {
    return this.decide(scope, registrationId, async (em, registration, opportunity) => {
      const on = today();
      await this.lockPlace(em, opportunity);
      if (await this.protectedForAnother(em, opportunity, registration.distributorId, on)) throw protectedPlace();
      const protectedUntil = addDays(on, await this.protectionDays(scope, em));
      Object.assign(registration, { status: RegistrationStatus.APPROVED, protectedUntil });
      return {
        action: 'APPROVE' as const,
        kind: NotificationKind.OPPORTUNITY_REGISTRATION_APPROVED,
        params: { validTo: protectedUntil },
      };
    });
  }

  async reject(scope: Scope, registrationId: string, reason: string): Promise<Opportunity> {
    return this.decide(scope, registrationId, async (_em, registration) => {
      Object.assign(registration, { status: RegistrationStatus.REJECTED, rejectReason: reason.trim() });
      // the reason shows in the apps' inbox; channels outside them never carry it (notice-words.ts)
      return {
        action: 'REJECT' as const,
        kind: NotificationKind.OPPORTUNITY_REGISTRATION_REJECTED,
        params: { reason: reason.trim() },
      };
    });
  }

  /**
   * A pending registration the viewer may decide: of an opportunity in their scope and of a
   * distributor they see (a channel manager's regions and assigned distributors; an admin's brand).
   */
  private async decide(
    scope: Scope,
    registrationId: string,
    apply: (
      em: EntityManager,
      r: DealRegistration,
      o: Opportunity,
    ) => Promise<{ action: 'APPROVE' | 'REJECT'; kind: NotificationKind; params: Record<string, string> }>,
  ): Promise<Opportunity> {
    const opportunityId = await this.ds.transaction(async (em) => {
      const registration = isUuid(registrationId) ? await this.decidable(em, scope, registrationId) : null;
      if (!registration) throw notFound('Registration');
      const opportunity = await this.opportunities.locked(em, scope, registration.opportunityId);
      if (registration.status !== RegistrationStatus.PENDING) throw illegal('This registration was decided already');
      const outcome = await apply(em, registration, opportunity);
      Object.assign(registration, { decidedBy: scope.userId, decidedAt: new Date() });
      await em.save(registration);
      await audit(em, scope, outcome.action, 'opportunity', opportunity.id, {
        registrationId: registration.id,
        status: registration.status,
        protectedUntil: registration.protectedUntil,
        reason: registration.rejectReason,
      });
      await this.notifications.notify(em, {
        brandId: scope.brandId,
        userIds: [registration.registeredBy, opportunity.ownerId],
        kind: outcome.kind,
        entity: 'opportunity',
        entityId: opportunity.id,
        params: { name: await this.hospitalName(em, opportunity), ...outcome.params },
      });
      return opportunity.id;
    });
    return this.opportunities.get(scope, opportunityId);
  }

  private decidable(em: EntityManager, scope: Scope, id: string): Promise<DealRegistration | null> {
    const distributor = scopeCondition(scope, 'distributor', 'rd');
    return applyScope(
      em.getRepository(DealRegistration).createQueryBuilder('r').innerJoin(Opportunity, 'o', 'o.id = r.opportunity_id'),
      scope,
      'opportunity',
      'o',
    )
      .andWhere('r.id = :id', { id })
      .andWhere(`r.distributor_id IN (SELECT rd.id FROM distributor rd WHERE ${distributor.sql})`, distributor.params)
      .setLock('pessimistic_write', undefined, ['r'])
      .getOne();
  }

  /** Rule 1: the distributor may sell the opportunity's products there today (all it names, or some product of its line). */
  private async refuseUncovered(em: EntityManager, scope: Scope, o: Opportunity, on: string): Promise<void> {
    const named = o.productIds.length > 0;
    const productIds: string[] = named
      ? o.productIds
      : (
          await em.query(`SELECT id FROM product WHERE brand_id = $1 AND product_line_id = $2`, [
            scope.brandId,
            o.productLineId,
          ])
        ).map((p: { id: string }) => p.id);
    const answers = productIds.length
      ? [
          ...(
            await this.compliance.checkMany(
              scope,
              { distributorId: o.distributorId!, hospitalId: o.hospitalId, on, productIds },
              em,
            )
          ).values(),
        ]
      : [];
    const covered = answers.length > 0 && (named ? answers.every((a) => a.allowed) : answers.some((a) => a.allowed));
    if (covered) return;
    const findings = answers.flatMap((a) => a.findings);
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      findings.length
        ? [...new Set(findings.map((f) => f.message))].join('; ')
        : 'No product of this line may be sold here',
      undefined,
      ErrorReason.NOT_COMPLIANT,
      { reasons: [...new Set(findings.map((f) => f.reason))] },
    );
  }

  /** Registrations and approvals of one place queue behind each other, so two never both pass the check. */
  private async lockPlace(em: EntityManager, o: Opportunity): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `opportunity:${o.hospitalId}:${o.departmentId}:${o.productLineId}`,
    ]);
  }

  /** Does another distributor's approved registration protect this hospital, department and line on `on`? */
  private async protectedForAnother(
    em: EntityManager,
    o: Opportunity,
    distributorId: string,
    on: string,
  ): Promise<boolean> {
    const [row] = await em.query(
      `SELECT 1 FROM deal_registration r JOIN opportunity p ON p.id = r.opportunity_id
        WHERE r.brand_id = $1 AND r.status = 'APPROVED' AND r.protected_until >= $2::date AND r.distributor_id <> $3
          AND p.hospital_id = $4 AND p.department_id = $5 AND p.product_line_id = $6
        LIMIT 1`,
      [o.brandId, on, distributorId, o.hospitalId, o.departmentId, o.productLineId],
    );
    return Boolean(row);
  }

  private async hospitalName(em: EntityManager, o: Opportunity): Promise<string> {
    const [h] = await em.query(`SELECT name FROM hospital WHERE id = $1`, [o.hospitalId]);
    return h?.name ?? '';
  }
}
