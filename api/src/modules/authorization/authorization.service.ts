import { DataSource, EntityManager } from 'typeorm';
import { AuthorizationKind, AuthorizationStatus, DistributorStage, ErrorReason } from '@medchannel/shared-schema';
import type { Config } from '../../config';
import { Scope, applyScope } from '../../auth/scope';
import { notVisible, visibleIds } from '../../auth/scoped-ids';
import { isUuid } from '../../common/ids';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { daysBetween, isIsoDate, today } from '../../common/dates';
import { Distributor } from '../distributor';
import { Hospital, coversHospitalSql, servesHospitalSql } from '../hospital';
import { Product } from '../product';
import { Region } from '../region';
import { ComplianceService } from '../compliance';
import { assertVersion } from '../../common/versioning';
import { AuthorizationGrant, lastDay } from './authorization.entity';
import {
  AuthorizationsArgs,
  ExtendAuthorizationArgs,
  GrantAuthorizationInput,
  RevokeAuthorizationArgs,
} from './authorization.types';
import { coverageOverlaps, loadCoverageFacts } from './coverage';

/** statusOn(), as SQL: revoked first, then before, after or within the period. */
const STATUS_SQL: Record<AuthorizationStatus, string> = {
  [AuthorizationStatus.REVOKED]: 'g.revoked_from <= :on',
  [AuthorizationStatus.SCHEDULED]: '(g.revoked_from IS NULL OR g.revoked_from > :on) AND g.valid_from > :on',
  [AuthorizationStatus.EXPIRED]: '(g.revoked_from IS NULL OR g.revoked_from > :on) AND g.valid_to < :on',
  [AuthorizationStatus.ACTIVE]:
    '(g.revoked_from IS NULL OR g.revoked_from > :on) AND g.valid_from <= :on AND g.valid_to >= :on',
};

type Period = Pick<AuthorizationGrant, 'validFrom' | 'validTo' | 'revokedFrom'>;
const overlapsInTime = (a: Period, b: Period) => a.validFrom <= lastDay(b) && b.validFrom <= lastDay(a);

export class AuthorizationService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly compliance: ComplianceService,
  ) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(AuthorizationGrant).createQueryBuilder('g'), scope, 'distributorOwned');
  }

  async list(scope: Scope, args: AuthorizationsArgs): Promise<AuthorizationGrant[]> {
    const qb = this.scoped(scope);
    if (args.distributorId) qb.andWhere('g.distributor_id = :d', { d: args.distributorId });
    if (args.status) qb.andWhere(STATUS_SQL[args.status], { on: today() });
    return qb.orderBy('g.valid_to', 'DESC').addOrderBy('g.id').limit(500).getMany();
  }

  /** The grants with these ids that the viewer may see (the others are simply absent). */
  byIds(scope: Scope, ids: readonly string[]): Promise<AuthorizationGrant[]> {
    return this.scoped(scope)
      .andWhere('g.id = ANY(:ids)', { ids: ids.filter(isUuid) })
      .getMany();
  }

  byDistributorIds(scope: Scope, ids: readonly string[]): Promise<AuthorizationGrant[]> {
    return this.scoped(scope).andWhere('g.distributor_id = ANY(:ids)', { ids }).orderBy('g.valid_to', 'DESC').getMany();
  }

  /** Distributor ids with a live grant naming the hospital or covering its region (the hospital's "who serves it"). */
  async servingDistributorIds(
    scope: Scope,
    hospitalIds: readonly string[],
  ): Promise<Array<{ hospitalId: string; distributorId: string }>> {
    // A grant serves a hospital it names, or one in a region it covers (the hospital's city or
    // that city's province), live on the business calendar's today (China), not on the database
    // server's date: the rule's one statement is the hospital module's servesHospitalSql.
    const qb = this.scoped(scope)
      .innerJoin(Hospital, 'h', 'h.id = ANY(:hospitalIds) AND h.brand_id = g.brand_id', { hospitalIds })
      .innerJoin(Region, 'hr', 'hr.id = h.region_id')
      .select(['h.id AS "hospitalId"', 'g.distributor_id AS "distributorId"'])
      .distinct(true)
      .andWhere(servesHospitalSql('g', 'h', 'hr', 'today'), { today: today() });
    return qb.getRawMany();
  }

  /** Grants naming the hospital or covering its region that have not ended yet (live or to come), latest end first. */
  async coveringHospitals(
    scope: Scope,
    hospitalIds: readonly string[],
  ): Promise<Array<{ hospitalId: string; grant: AuthorizationGrant }>> {
    const qb = this.scoped(scope)
      .innerJoin(Hospital, 'h', 'h.id = ANY(:hospitalIds) AND h.brand_id = g.brand_id', { hospitalIds })
      .innerJoin(Region, 'hr', 'hr.id = h.region_id')
      .addSelect('h.id', 'covered_hospital_id')
      // the business calendar's today (China), not the database server's date; the rule's one
      // statement is the hospital module's coversHospitalSql (the hospitals list's tree writes it too)
      .andWhere(coversHospitalSql('g', 'h', 'hr', 'today'), { today: today() })
      .orderBy('g.valid_to', 'DESC')
      .addOrderBy('g.id');
    const { entities, raw } = await qb.getRawAndEntities();
    return raw.map((r: { covered_hospital_id: string; g_id: string }) => ({
      hospitalId: r.covered_hospital_id,
      grant: entities.find((e) => e.id === r.g_id)!,
    }));
  }

  private async lockedGrant(
    scope: Scope,
    em: EntityManager,
    id: string,
    expectedVersion: number,
  ): Promise<AuthorizationGrant> {
    const grant = await this.scoped(scope, em).andWhere('g.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!grant) throw notFound('Authorization');
    assertVersion(grant, expectedVersion, 'authorization');
    return grant;
  }

  private checkLength(kind: AuthorizationKind, validFrom: string, validTo: string) {
    if (!isIsoDate(validFrom)) throw badInput('validFrom', 'Not a date');
    if (!isIsoDate(validTo)) throw badInput('validTo', 'Not a date');
    if (validTo < validFrom) throw badInput('validTo', 'An authorization cannot end before it starts');
    const days = daysBetween(validFrom, validTo) + 1;
    if (kind === AuthorizationKind.TEMPORARY && days > this.config.maxTemporaryAuthorizationDays) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `A temporary authorization lasts at most ${this.config.maxTemporaryAuthorizationDays} days (this one: ${days})`,
        'validTo',
        ErrorReason.TEMPORARY_TOO_LONG,
      );
    }
  }

  /** Refuses when this grant and another distributor's overlap in time, products and place while either is exclusive. */
  private async refuseExclusiveConflicts(scope: Scope, em: EntityManager, grant: AuthorizationGrant): Promise<void> {
    // Grants of one brand are checked one at a time, so two racing exclusive grants cannot both pass.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('authorization_grant:' || $1))`, [grant.brandId]);
    const others = await em
      .getRepository(AuthorizationGrant)
      .createQueryBuilder('g')
      .where('g.brand_id = :b AND g.distributor_id <> :d', { b: grant.brandId, d: grant.distributorId })
      .andWhere('g.id IS DISTINCT FROM :id', { id: grant.id ?? null })
      .andWhere('g.valid_from <= :to AND g.valid_to >= :from', { from: grant.validFrom, to: grant.validTo })
      .andWhere(grant.exclusive ? 'TRUE' : 'g.exclusive')
      .getMany();
    const candidates = others.filter((g) => overlapsInTime(g, grant));
    if (!candidates.length) return;
    const facts = await loadCoverageFacts(em, grant.brandId, [grant, ...candidates]);
    const conflict = candidates.find((g) => coverageOverlaps(grant, g, facts));
    if (!conflict) return;
    // Named only to a viewer who may read the conflicting grant; to anyone else it is "a grant
    // exists", with the same code and reason, so the refusal shows no other territory's dealings.
    const readable = await this.scoped(scope, em).andWhere('g.id = :id', { id: conflict.id }).getCount();
    if (!readable) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'A conflicting exclusive authorization exists',
        'exclusive',
        ErrorReason.EXCLUSIVE_CONFLICT,
      );
    }
    const [other] = await em.query(`SELECT name FROM distributor WHERE id = $1`, [conflict.distributorId]);
    throw new AppError(
      ErrorCode.CONFLICT,
      `Overlaps ${conflict.exclusive ? 'the exclusive' : 'the'} authorization ${conflict.id} of ${other.name} (${conflict.validFrom} – ${lastDay(conflict)})`,
      'exclusive',
      ErrorReason.EXCLUSIVE_CONFLICT,
    );
  }

  async grant(scope: Scope, input: GrantAuthorizationInput): Promise<AuthorizationGrant> {
    return this.ds.transaction((em) => this.grantIn(em, scope, input));
  }

  /**
   * A grant written in the caller's transaction, under every rule a grant obeys (its length, the
   * viewer's scope over every id, the distributor's stage, its qualifications, exclusivity), and
   * audited with `context` (an exit plan's hand-over names its plan). The one way a grant is made.
   */
  async grantIn(
    em: EntityManager,
    scope: Scope,
    input: GrantAuthorizationInput,
    context: Record<string, unknown> = {},
  ): Promise<AuthorizationGrant> {
    this.checkLength(input.kind, input.validFrom, input.validTo);
    if (input.productLineIds.length + input.productIds.length === 0)
      throw badInput('productIds', 'Name at least one product line or product');
    if (input.regionIds.length + input.hospitalIds.length === 0)
      throw badInput('regionIds', 'Name at least one region or hospital');
    {
      // Every id in the input is read through the viewer's scope: what they cannot see answers
      // NOT_FOUND exactly like an id that exists nowhere, and nothing is granted there.
      const distributor = isUuid(input.distributorId)
        ? await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
            .andWhere('d.id = :id', { id: input.distributorId })
            .getOne()
        : null;
      if (!distributor) throw notVisible('distributor', 'distributorId');
      await visibleIds(em, scope, 'productLine', input.productLineIds, 'productLineIds');
      await visibleIds(em, scope, 'product', input.productIds, 'productIds');
      await visibleIds(em, scope, 'region', input.regionIds, 'regionIds');
      await visibleIds(em, scope, 'hospital', input.hospitalIds, 'hospitalIds');
      if (
        [DistributorStage.TERMINATED, DistributorStage.EXITING, DistributorStage.PROSPECT].includes(distributor.stage)
      ) {
        throw badInput('distributorId', `A distributor in stage ${distributor.stage} cannot be authorized`);
      }

      // Rule 2: a missing or expired qualification, or one not covering a device class, blocks new authorizations.
      const classes: Array<{ device_class: Product['deviceClass'] }> = await em.query(
        `SELECT DISTINCT device_class FROM product WHERE brand_id = $1 AND (id = ANY($2) OR product_line_id = ANY($3))`,
        [scope.brandId, input.productIds, input.productLineIds],
      );
      const findings = await this.compliance.qualificationFindings(
        em,
        scope,
        distributor.id,
        classes.map((c) => c.device_class),
        input.validFrom,
      );
      if (findings.length) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          findings.map((f) => f.message).join('; '),
          'distributorId',
          ErrorReason.NOT_COMPLIANT,
        );
      }

      const grant = em.create(AuthorizationGrant, {
        ...input,
        brandId: scope.brandId,
        revokedFrom: null,
        revokeReason: null,
      });
      await this.refuseExclusiveConflicts(scope, em, grant);
      const saved = await em.save(grant);
      await audit(em, scope, 'GRANT_AUTHORIZATION', 'distributor', distributor.id, {
        authorizationId: saved.id,
        ...input,
        ...context,
      });
      return saved;
    }
  }

  async extend(scope: Scope, args: ExtendAuthorizationArgs): Promise<AuthorizationGrant> {
    return this.ds.transaction(async (em) => {
      const grant = await this.lockedGrant(scope, em, args.id, args.expectedVersion);
      if (grant.revokedFrom) throw new AppError(ErrorCode.CONFLICT, 'A revoked authorization cannot be extended');
      if (args.validTo <= grant.validTo) throw badInput('validTo', `Extend beyond ${grant.validTo}`);
      this.checkLength(grant.kind, grant.validFrom, args.validTo);
      const from = grant.validTo;
      grant.validTo = args.validTo;
      await this.refuseExclusiveConflicts(scope, em, grant);
      const saved = await em.save(grant);
      await audit(em, scope, 'EXTEND_AUTHORIZATION', 'distributor', grant.distributorId, {
        authorizationId: grant.id,
        validTo: { from, to: args.validTo },
      });
      return saved;
    });
  }

  /** From the effective date on the grant no longer applies; it stays on record. Never backdated. */
  async revoke(scope: Scope, args: RevokeAuthorizationArgs): Promise<AuthorizationGrant> {
    if (!isIsoDate(args.effectiveFrom)) throw badInput('effectiveFrom', 'Not a date');
    if (args.effectiveFrom < today()) throw badInput('effectiveFrom', 'A revocation takes effect today or later');
    return this.ds.transaction(async (em) => {
      const grant = await this.lockedGrant(scope, em, args.id, args.expectedVersion);
      if (grant.revokedFrom && grant.revokedFrom <= args.effectiveFrom) {
        throw new AppError(ErrorCode.CONFLICT, `Already revoked from ${grant.revokedFrom}`);
      }
      grant.revokedFrom = args.effectiveFrom;
      grant.revokeReason = args.reason;
      const saved = await em.save(grant);
      await audit(em, scope, 'REVOKE_AUTHORIZATION', 'distributor', grant.distributorId, {
        authorizationId: grant.id,
        revokedFrom: args.effectiveFrom,
        reason: args.reason,
      });
      return saved;
    });
  }
}
