import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  fingerprint,
  earlierByKey,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import type { OpportunityService } from '../opportunity';
import { PresalesLog } from './delivery.entity';
import { LogPresalesWorkInput } from './delivery.inputs';

export type PresalesEntry = PresalesLog & { reversed: boolean };

/**
 * 售前支持: the hours the brand's engineers spend on an opportunity (demos, technical support). Seen
 * exactly when the opportunity is (auth/scope.ts, `opportunity`). Entries are facts: a wrong one is
 * corrected by a reversing entry of the opposite hours, and the total is their sum, in SQL.
 */
export class PresalesService {
  constructor(
    private readonly ds: DataSource,
    private readonly opportunities: OpportunityService,
  ) {}

  /** Entries of visible opportunities; inside a transaction, on its connection (PGlite serves one at a time). */
  private visible(scope: Scope, em: EntityManager = this.ds.manager) {
    const o = this.opportunities.scoped(scope, em).select('o.id');
    return em
      .getRepository(PresalesLog)
      .createQueryBuilder('l')
      .where(`l.opportunity_id IN (${o.getQuery()})`)
      .setParameters(o.getParameters());
  }

  /** Every entry of a visible opportunity, newest first, each saying whether it was reversed; and the hours, summed in SQL. */
  async work(scope: Scope, opportunityId: string): Promise<{ totalHours: string; entries: PresalesEntry[] }> {
    await this.opportunities.get(scope, opportunityId);
    const qb = this.visible(scope).andWhere('l.opportunity_id = :opportunityId', { opportunityId });
    const { entities, raw } = await qb
      .clone()
      .addSelect('EXISTS (SELECT 1 FROM presales_log rv WHERE rv.reverses_id = l.id)', 'reversed')
      .orderBy('l.work_date', 'DESC')
      .addOrderBy('l.created_at', 'DESC')
      .getRawAndEntities<{ l_id: string; reversed: boolean }>();
    const [{ total }] = await qb.select('COALESCE(SUM(l.hours), 0)::text', 'total').getRawMany<{ total: string }>();
    const reversed = new Set(raw.filter((r) => r.reversed).map((r) => r.l_id));
    return {
      totalHours: new Decimal(total).toFixed(2),
      entries: entities.map((e) => Object.assign(e, { reversed: reversed.has(e.id) })),
    };
  }

  /** One entry on a visible opportunity; the same request key answers the first entry again. */
  async log(scope: Scope, input: LogPresalesWorkInput): Promise<PresalesEntry> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'presales_log_request_key',
      earlier: (em) => earlierByKey(em, PresalesLog, 'logged_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key logged another entry'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const opportunity = await this.opportunities.locked(em, scope, fields.opportunityId);
        const hours = new Decimal(fields.hours).toFixed(2);
        const saved = await em.save(
          em.create(PresalesLog, {
            brandId: scope.brandId,
            opportunityId: opportunity.id,
            kind: fields.kind,
            workDate: fields.workDate,
            hours,
            note: fields.note?.trim() || null,
            reversesId: null,
            loggedBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        await audit(em, scope, 'CREATE', 'presales_log', saved.id, { ...fields, hours });
        return saved.id;
      }),
    );
    return this.entry(scope, id);
  }

  /** Corrects a wrong entry by appending its opposite; an entry is reversed once, a reversal never. */
  async reverse(scope: Scope, id: string, note: string | null | undefined): Promise<PresalesEntry> {
    const reversalId = await this.ds.transaction(async (em) => {
      const found = isUuid(id) ? await this.visible(scope, em).andWhere('l.id = :id', { id }).getOne() : null;
      if (!found) throw notFound('Pre-sales entry');
      // the opportunity locked: two reversals of one entry queue, and the second sees the first
      await this.opportunities.locked(em, scope, found.opportunityId);
      const [done] = await em.query(`SELECT 1 FROM presales_log WHERE reverses_id = $1`, [found.id]);
      if (found.reversesId || done)
        throw new AppError(
          ErrorCode.CONFLICT,
          found.reversesId ? 'A reversal is not reversed' : 'This entry is reversed already',
          'id',
          ErrorReason.ALREADY_REVERSED,
        );
      const saved = await em.save(
        em.create(PresalesLog, {
          brandId: found.brandId,
          opportunityId: found.opportunityId,
          kind: found.kind,
          workDate: found.workDate,
          hours: new Decimal(found.hours).negated().toFixed(2),
          note: note?.trim() || null,
          reversesId: found.id,
          loggedBy: scope.userId,
          requestKey: null,
          requestHash: null,
        }),
      );
      await audit(em, scope, 'CREATE', 'presales_log', saved.id, { reverses: found.id, note: saved.note });
      return saved.id;
    });
    return this.entry(scope, reversalId);
  }

  private async entry(scope: Scope, id: string): Promise<PresalesEntry> {
    const { entities, raw } = await this.visible(scope)
      .andWhere('l.id = :id', { id })
      .addSelect('EXISTS (SELECT 1 FROM presales_log rv WHERE rv.reverses_id = l.id)', 'reversed')
      .getRawAndEntities<{ reversed: boolean }>();
    return Object.assign(entities[0], { reversed: Boolean(raw[0]?.reversed) });
  }
}
