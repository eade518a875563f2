import { DataSource, EntityManager } from 'typeorm';
import { CommitmentStatus, NotificationKind, Role, Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { illegal, notAParticipant, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginateTree } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { withinRegion } from '../region';
import type { NotificationService } from '../notification';
import { VisitCommitment, VisitNote } from './visit-note.entity';
import {
  CommitmentMoveArgs,
  DisputeCommitmentArgs,
  DisputedCommitmentFilter,
  ResolveCommitmentArgs,
} from './visit-note.inputs';
import { ofVisibleNotes } from './visit-note.service';
import { headsOf } from '../user';
import { CommitmentNode, CommitmentPageParts, commitmentPageTree } from './commitment-page';

/**
 * Commitments made in shared notes. Each stays OPEN in the distributor owner's inbox until the
 * owner acknowledges or disputes it; a disputed one goes to the author's regional head (the
 * management chain, as the scope defines it), who resolves it. Moves are locked, versioned,
 * audited and announced in one transaction; repeating a move that already happened changes nothing.
 */
export class CommitmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  private visible(scope: Scope, em: EntityManager = this.ds.manager) {
    const notes = ofVisibleNotes(scope, 'c.note_id');
    return em.getRepository(VisitCommitment).createQueryBuilder('c').where(notes.sql, notes.params);
  }

  byNoteIds(scope: Scope, ids: readonly string[]): Promise<VisitCommitment[]> {
    return this.visible(scope).andWhere('c.note_id = ANY(:ids)', { ids }).orderBy('c.item_no').getMany();
  }

  /**
   * The owner's inbox: commitments made to their distributor in notes they are CC'd on; each row
   * with the `parts` the request asks of it, in one statement (commitment-page.ts).
   */
  inbox(
    scope: Scope,
    page: PageArgs,
    statuses: CommitmentStatus[],
    parts: CommitmentPageParts,
  ): Promise<Page<CommitmentNode>> {
    return paginateTree(
      this.inboxQuery(scope, statuses),
      page,
      [
        // to the millisecond, as the cursor carries it: rows sharing a millisecond are not skipped
        { column: "date_trunc('milliseconds', c.created_at)", value: (c) => c.createdAt.toISOString() },
        { column: 'c.id', value: (c) => c.id },
      ],
      'DESC',
      commitmentPageTree(this.ds, scope, parts),
      (n) => n.commitment,
    );
  }

  /** The inbox's rows before paging (the home page's to-dos count the same). */
  inboxQuery(scope: Scope, statuses: CommitmentStatus[]) {
    const own = scope.side === Side.PARTNER ? scope.distributorId : null;
    return this.visible(scope)
      .andWhere('c.note_id IN (SELECT ivn.id FROM visit_note ivn WHERE ivn.distributor_id = :own)', { own })
      .andWhere('c.status = ANY(:statuses)', { statuses });
  }

  /**
   * A regional head's (or admin's) queue: disputed commitments in notes written by the people they
   * manage; each row with the `parts` the request asks of it, in one statement (commitment-page.ts).
   */
  disputed(
    scope: Scope,
    page: PageArgs,
    filter: DisputedCommitmentFilter,
    parts: CommitmentPageParts,
  ): Promise<Page<CommitmentNode>> {
    return paginateTree(
      this.disputedQuery(scope, filter),
      page,
      [
        { column: "date_trunc('milliseconds', c.updated_at)", value: (c) => c.updatedAt.toISOString() },
        { column: 'c.id', value: (c) => c.id },
      ],
      'DESC',
      commitmentPageTree(this.ds, scope, parts),
      (n) => n.commitment,
    );
  }

  /** The disputed queue's rows before paging (the home page's to-dos count the same). */
  disputedQuery(scope: Scope, filter: DisputedCommitmentFilter) {
    const chain = scopeCondition(scope, 'visitNoteChain', 'dvn');
    const qb = this.visible(scope)
      .andWhere(`c.note_id IN (SELECT dvn.id FROM visit_note dvn WHERE ${chain.sql})`, chain.params)
      .andWhere('c.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.authorId)
      qb.andWhere('c.note_id IN (SELECT avn.id FROM visit_note avn WHERE avn.author_id = :authorId)', {
        authorId: filter.authorId,
      });
    if (filter.regionId) {
      qb.andWhere(
        `c.note_id IN (SELECT rvn.id FROM visit_note rvn JOIN hospital rh ON rh.id = rvn.hospital_id WHERE ${withinRegion('rh.region_id')})`,
        { regionId: filter.regionId },
      );
    }
    return qb;
  }

  acknowledge(scope: Scope, args: CommitmentMoveArgs): Promise<VisitCommitment> {
    return this.answer(scope, args, CommitmentStatus.ACKNOWLEDGED, null);
  }

  dispute(scope: Scope, args: DisputeCommitmentArgs): Promise<VisitCommitment> {
    return this.answer(scope, args, CommitmentStatus.DISPUTED, args.reason.trim());
  }

  /** The distributor's owner answers an open commitment made to their distributor. */
  private answer(
    scope: Scope,
    args: CommitmentMoveArgs,
    to: CommitmentStatus,
    reason: string | null,
  ): Promise<VisitCommitment> {
    return this.ds.transaction(async (em) => {
      const { commitment, note } = await this.lock(scope, em, args.id);
      if (scope.side !== Side.PARTNER || scope.role !== Role.OWNER || note.distributorId !== scope.distributorId)
        throw notAParticipant('commitment');
      if (commitment.status === to && commitment.answeredBy === scope.userId) return commitment;
      if (commitment.status !== CommitmentStatus.OPEN) throw illegal(`This commitment is ${commitment.status} already`);
      assertVersion(commitment, args.expectedVersion, 'commitment');
      Object.assign(commitment, {
        status: to,
        disputeReason: reason,
        answeredBy: scope.userId,
        answeredAt: new Date(),
      });
      const saved = await em.save(commitment);
      const disputed = to === CommitmentStatus.DISPUTED;
      await audit(em, scope, disputed ? 'DISPUTE_COMMITMENT' : 'ACKNOWLEDGE_COMMITMENT', 'visit_note', note.id, {
        commitmentId: commitment.id,
        ...(reason ? { reason } : {}),
      });
      const heads = disputed ? await headsOf(em, scope, note.authorId) : [];
      await this.notifications.notify(em, {
        brandId: note.brandId,
        userIds: [note.authorId, ...heads],
        kind: disputed ? NotificationKind.COMMITMENT_DISPUTED : NotificationKind.COMMITMENT_ACKNOWLEDGED,
        entity: 'visit_note',
        entityId: note.id,
        params: { commitmentId: commitment.id, kind: commitment.kind, ...(reason ? { reason } : {}) },
      });
      return saved;
    });
  }

  /** The author's regional head (or an admin) settles a dispute with the distributor and says how. */
  async resolve(scope: Scope, args: ResolveCommitmentArgs): Promise<VisitCommitment> {
    return this.ds.transaction(async (em) => {
      const { commitment, note } = await this.lock(scope, em, args.id);
      const chain = scopeCondition(scope, 'visitNoteChain', 'cn');
      const manages = await em
        .getRepository(VisitNote)
        .createQueryBuilder('cn')
        .where('cn.id = :id', { id: note.id })
        .andWhere(chain.sql, chain.params)
        .getCount();
      if (!manages) throw notAParticipant('commitment');
      if (commitment.status === CommitmentStatus.RESOLVED && commitment.resolvedBy === scope.userId) return commitment;
      if (commitment.status !== CommitmentStatus.DISPUTED)
        throw illegal(`Only a disputed commitment is resolved; this one is ${commitment.status}`);
      assertVersion(commitment, args.expectedVersion, 'commitment');
      const resolution = args.resolution.trim();
      Object.assign(commitment, {
        status: CommitmentStatus.RESOLVED,
        resolution,
        resolvedBy: scope.userId,
        resolvedAt: new Date(),
      });
      const saved = await em.save(commitment);
      await audit(em, scope, 'RESOLVE_COMMITMENT', 'visit_note', note.id, { commitmentId: commitment.id, resolution });
      await this.notifications.notify(em, {
        brandId: note.brandId,
        userIds: [note.authorId, ...(commitment.answeredBy ? [commitment.answeredBy] : [])].filter(
          (u) => u !== scope.userId,
        ),
        kind: NotificationKind.COMMITMENT_RESOLVED,
        entity: 'visit_note',
        entityId: note.id,
        params: { commitmentId: commitment.id, kind: commitment.kind },
      });
      return saved;
    });
  }

  /** The commitment, locked, in a note the viewer may read; NOT_FOUND otherwise. */
  private async lock(
    scope: Scope,
    em: EntityManager,
    id: string,
  ): Promise<{ commitment: VisitCommitment; note: VisitNote }> {
    const [commitment] = isUuid(id)
      ? await this.visible(scope, em).andWhere('c.id = :id', { id }).setLock('pessimistic_write').getMany()
      : [];
    if (!commitment) throw notFound('Commitment');
    return { commitment, note: await em.findOneByOrFail(VisitNote, { id: commitment.noteId }) };
  }
}
