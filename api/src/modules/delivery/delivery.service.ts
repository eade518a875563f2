import { DataSource, EntityManager } from 'typeorm';
import {
  DeliveryFileKind,
  DeliveryStatus,
  ErrorCode,
  ErrorReason,
  MILESTONE_ORDER,
  MilestoneKind,
  OpportunityStage,
  Role,
  Side,
} from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, badInput, notFound } from '../../common/errors';
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
import { today } from '../../common/dates';
import { Page, PageArgs, paginateTree } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import type { OpportunityService } from '../opportunity';
import { User } from '../user';
import { DeliveryFile, DeliveryMilestone, DeliveryProject } from './delivery.entity';
import { CompleteMilestoneInput, CreateDeliveryProjectInput, PlanMilestoneInput } from './delivery.inputs';
import { DeliveryProjectFilter } from './delivery.types';
import { DeliveryNode, DeliveryPageParts, deliveryPageParts, deliveryPageTree } from './delivery-page';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const refused = (reason: ErrorReason, message: string, field?: string) =>
  new AppError(ErrorCode.CONFLICT, message, field, reason);

/** A milestone not done whose planned day has passed, as SQL over milestone `m`. */
const OVERDUE = `m.done_date IS NULL AND m.planned_date < :on::date`;

/**
 * 交付项目: after a win, the delivery, installation, acceptance (验收, with its signed document) and
 * staff training of the equipment, done in that order. A project is seen exactly when its
 * opportunity is (auth/scope.ts, `opportunity`): a distributor reads its own projects' progress.
 */
export class DeliveryService {
  constructor(
    private readonly ds: DataSource,
    private readonly opportunities: OpportunityService,
    private readonly storage: FileStorage,
  ) {}

  /** Projects whose opportunity the viewer sees. */
  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    const o = this.opportunities.scoped(scope, em).select('o.id');
    return em
      .getRepository(DeliveryProject)
      .createQueryBuilder('p')
      .where(`p.opportunity_id IN (${o.getQuery()})`)
      .setParameters(o.getParameters());
  }

  /** A page of the list, each row with what the request asks of it (delivery-page.ts), in one statement. */
  list(
    scope: Scope,
    page: PageArgs,
    filter: DeliveryProjectFilter = {},
    parts: DeliveryPageParts = deliveryPageParts(undefined),
  ): Promise<Page<DeliveryNode>> {
    const qb = this.scoped(scope);
    const open = `EXISTS (SELECT 1 FROM delivery_milestone m WHERE m.project_id = p.id AND m.done_date IS NULL)`;
    if (filter.status) qb.andWhere(filter.status === DeliveryStatus.COMPLETED ? `NOT ${open}` : open);
    if (filter.engineerId) qb.andWhere('p.engineer_id = :engineerId', { engineerId: filter.engineerId });
    if (filter.overdue)
      qb.andWhere(`EXISTS (SELECT 1 FROM delivery_milestone m WHERE m.project_id = p.id AND ${OVERDUE})`, {
        on: today(),
      });
    return paginateTree(
      qb,
      page,
      [
        { column: "date_trunc('milliseconds', p.created_at)", value: (p) => p.createdAt.toISOString() },
        { column: 'p.id', value: (p) => p.id },
      ],
      'DESC',
      deliveryPageTree(this.ds, scope, parts),
      (n) => n.project,
    );
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<DeliveryProject[]> {
    return this.scoped(scope).andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** The project of a visible opportunity, or null while there is none; NOT_FOUND when the opportunity is out of sight. */
  async ofOpportunity(scope: Scope, opportunityId: string): Promise<DeliveryProject | null> {
    await this.opportunities.get(scope, opportunityId);
    return this.scoped(scope).andWhere('p.opportunity_id = :opportunityId', { opportunityId }).getOne();
  }

  milestonesByProjectIds(scope: Scope, ids: readonly string[]): Promise<DeliveryMilestone[]> {
    const p = this.scoped(scope).select('p.id').andWhere('p.id = ANY(:ids)', { ids });
    return this.ds
      .getRepository(DeliveryMilestone)
      .createQueryBuilder('m')
      .where(`m.project_id IN (${p.getQuery()})`)
      .setParameters(p.getParameters())
      .orderBy('m.seq')
      .getMany();
  }

  private visibleFiles(scope: Scope) {
    const p = this.scoped(scope).select('p.id');
    return this.ds
      .getRepository(DeliveryFile)
      .createQueryBuilder('f')
      .where(`f.milestone_id IN (SELECT fm.id FROM delivery_milestone fm WHERE fm.project_id IN (${p.getQuery()}))`)
      .setParameters(p.getParameters());
  }

  filesByMilestoneIds(scope: Scope, ids: readonly string[]): Promise<DeliveryFile[]> {
    return this.visibleFiles(scope)
      .andWhere('f.milestone_id = ANY(:ids)', { ids })
      .orderBy('f.created_at')
      .addOrderBy('f.id')
      .getMany();
  }

  /** The brand's active engineers the viewer sees: whom a project may be assigned to. */
  engineers(scope: Scope): Promise<User[]> {
    const qb = this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.role = :role AND u.disabled_at IS NULL', { role: Role.ENGINEER })
      .orderBy('u.display_name');
    return applyScope(qb, scope, 'user', 'u').getMany();
  }

  private async engineer(em: EntityManager, scope: Scope, engineerId: string): Promise<string> {
    await visibleId(em, scope, 'user', engineerId, 'engineerId');
    const [u] = await em.query(`SELECT role, side, disabled_at FROM app_user WHERE id = $1`, [engineerId]);
    if (u.role !== Role.ENGINEER || u.side !== Side.BRAND || u.disabled_at)
      throw badInput('engineerId', 'Assign one of the brand’s engineers');
    return engineerId;
  }

  /** A project for a won opportunity, with its four milestones; the same request key answers the first one again. */
  async create(scope: Scope, input: CreateDeliveryProjectInput): Promise<DeliveryProject> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'delivery_project_request_key',
      earlier: (em) => earlierByKey(em, DeliveryProject, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key created another project'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const opportunity = await this.opportunities.locked(em, scope, fields.opportunityId);
        if (opportunity.stage !== OpportunityStage.WON)
          throw refused(ErrorReason.OPPORTUNITY_NOT_WON, 'A delivery project follows a win', 'opportunityId');
        const [existing] = await em.query(`SELECT 1 FROM delivery_project WHERE opportunity_id = $1`, [opportunity.id]);
        if (existing)
          throw refused(ErrorReason.ILLEGAL_TRANSITION, 'This opportunity has its delivery project', 'opportunityId');
        const engineerId = await this.engineer(em, scope, fields.engineerId);
        const saved = await em.save(
          em.create(DeliveryProject, {
            brandId: opportunity.brandId,
            opportunityId: opportunity.id,
            engineerId,
            createdBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        await em.insert(
          DeliveryMilestone,
          MILESTONE_ORDER.map((kind, i) => ({ brandId: saved.brandId, projectId: saved.id, kind, seq: i + 1 })),
        );
        await audit(em, scope, 'CREATE', 'delivery_project', saved.id, fields);
        return saved.id;
      }),
    );
    return this.scoped(scope).andWhere('p.id = :id', { id }).getOneOrFail();
  }

  private async lockedProject(em: EntityManager, scope: Scope, id: string): Promise<DeliveryProject> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Delivery project');
    return found;
  }

  async assign(scope: Scope, id: string, engineerId: string, expectedVersion: number): Promise<DeliveryProject> {
    return this.ds.transaction(async (em) => {
      const project = await this.lockedProject(em, scope, id);
      assertVersion(project, expectedVersion, 'project');
      project.engineerId = await this.engineer(em, scope, engineerId);
      const saved = await em.save(project);
      await audit(em, scope, 'ASSIGN', 'delivery_project', project.id, { engineerId });
      return saved;
    });
  }

  /** A milestone of a visible project, with the project locked for the change and every milestone of it. */
  private async milestone(em: EntityManager, scope: Scope, milestoneId: string) {
    const [row] = isUuid(milestoneId)
      ? await em.query(`SELECT project_id FROM delivery_milestone WHERE id = $1`, [milestoneId])
      : [];
    if (!row) throw notFound('Milestone');
    const project = await this.lockedProject(em, scope, row.project_id).catch(() => {
      throw notFound('Milestone');
    });
    const all = await em.find(DeliveryMilestone, { where: { projectId: project.id }, order: { seq: 'ASC' } });
    return { project, all, milestone: all.find((m) => m.id === milestoneId)! };
  }

  private async touched(em: EntityManager, project: DeliveryProject): Promise<DeliveryProject> {
    await em.query(`UPDATE delivery_project SET version = version + 1, updated_at = now() WHERE id = $1`, [project.id]);
    return em.findOneByOrFail(DeliveryProject, { id: project.id });
  }

  async plan(scope: Scope, input: PlanMilestoneInput): Promise<DeliveryProject> {
    return this.ds.transaction(async (em) => {
      const { project, milestone } = await this.milestone(em, scope, input.milestoneId);
      milestone.plannedDate = input.plannedDate ?? null;
      if (input.note !== undefined) milestone.note = input.note?.trim() || null;
      await em.save(milestone);
      await audit(em, scope, 'UPDATE', 'delivery_project', project.id, { ...input });
      return this.touched(em, project);
    });
  }

  /** Done in order, not before the previous one's day nor in the future; acceptance only with its signed document. */
  async complete(scope: Scope, input: CompleteMilestoneInput): Promise<DeliveryProject> {
    return this.ds.transaction(async (em) => {
      const { project, all, milestone } = await this.milestone(em, scope, input.milestoneId);
      if (milestone.doneDate) throw refused(ErrorReason.ILLEGAL_TRANSITION, 'This milestone is done already');
      const previous = all.find((m) => m.seq === milestone.seq - 1);
      if (previous && (!previous.doneDate || previous.doneDate > input.doneDate))
        throw refused(ErrorReason.MILESTONE_OUT_OF_ORDER, 'Complete the milestone before this one first', 'doneDate');
      if (input.doneDate > today()) throw badInput('doneDate', 'A milestone is done on a day that has come');
      if (milestone.kind === MilestoneKind.ACCEPTANCE) {
        const [doc] = await em.query(`SELECT 1 FROM delivery_file WHERE milestone_id = $1 AND kind = $2`, [
          milestone.id,
          DeliveryFileKind.ACCEPTANCE_DOCUMENT,
        ]);
        if (!doc)
          throw refused(ErrorReason.ACCEPTANCE_DOCUMENT_REQUIRED, 'Upload the signed acceptance document first');
      }
      Object.assign(milestone, { doneDate: input.doneDate, doneBy: scope.userId });
      if (input.note !== undefined && input.note !== null) milestone.note = input.note.trim() || null;
      await em.save(milestone);
      await audit(em, scope, 'UPDATE', 'delivery_project', project.id, { ...input, kind: milestone.kind });
      return this.touched(em, project);
    });
  }

  /** Stores the file under a key of its own hash before the row is written; the same file again is one file. */
  async attach(
    scope: Scope,
    milestoneId: string,
    kind: DeliveryFileKind,
    fileName: string,
    data: Buffer,
  ): Promise<DeliveryFile> {
    const file = checkUpload(data, {
      maxBytes: MAX_FILE_BYTES,
      tooLarge: 'A file may be at most 10 MB',
      unsupported: 'Upload a photo (JPEG, PNG) or a PDF',
    });
    const { milestone } = await this.ds.transaction((em) => this.milestone(em, scope, milestoneId));
    if (kind === DeliveryFileKind.ACCEPTANCE_DOCUMENT && milestone.kind !== MilestoneKind.ACCEPTANCE)
      throw badInput('kind', 'The acceptance document belongs to the acceptance milestone');
    const key = `delivery/${milestone.brandId}/${milestone.id}/${file.sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const earlier = await em.findOne(DeliveryFile, { where: { milestoneId: milestone.id, fileSha256: file.sha256 } });
      if (earlier) return earlier;
      const name = keptFileName(fileName, 'document');
      const saved = await em.save(
        em.create(DeliveryFile, {
          brandId: milestone.brandId,
          milestoneId: milestone.id,
          kind,
          fileKey: key,
          fileName: name,
          fileMime: file.mime,
          fileSize: data.length,
          fileSha256: file.sha256,
          uploadedBy: scope.userId,
        }),
      );
      await audit(em, scope, 'ATTACH_FILE', 'delivery_project', milestone.projectId, {
        milestoneId: milestone.id,
        fileId: saved.id,
        kind,
        fileName: name,
        sha256: file.sha256,
      });
      return saved;
    });
  }

  async readFile(scope: Scope, id: string): Promise<StoredFile> {
    const found = isUuid(id)
      ? await this.visibleFiles(scope).addSelect('f.fileKey').andWhere('f.id = :id', { id }).getOne()
      : null;
    if (!found) throw notFound('File');
    return new StoredFile(this.storage, found.fileKey, found.fileName, found.fileMime, found.fileSize);
  }
}
