import { DataSource, EntityManager } from 'typeorm';
import { AuthorizationStatus, ErrorReason, TenderStatus } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { today } from '../../common/dates';
import { AppError, ErrorCode, badInput, illegal, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { lastDay, statusOn } from '../authorization';
import type { AuthorizationLetter, AuthorizationLetterService } from '../qualification';
import { Opportunity } from '../opportunity';
import { Tender, TenderLetter } from './tender.entity';
import type { TenderService } from './tender.service';
import type { IssueTenderLetterInput } from './tender-letter.types';

/** A tender letter with its status today (a grant it rests on revoked within its period revokes it). */
export type TenderLetterWithStatus = TenderLetter & { status: AuthorizationStatus };

interface CoveringGrant {
  id: string;
  productId: string;
  validTo: string;
  revokedFrom: string | null;
}

/**
 * 授权书 for one tender (招标): the brand authorizes the tender's distributor to bid it at the
 * opportunity's hospital for named products of the tender. Issued only where the distributor's
 * authorization covers that hospital and each product today; it holds from the day issued to the
 * bid opening's day at the latest and never past a grant it rests on. Seen wherever the tender is;
 * printed and checked by the general letter's one code path (AuthorizationLetterService).
 */
export class TenderLetterService {
  constructor(
    private readonly ds: DataSource,
    private readonly tenders: TenderService,
    private readonly letters: AuthorizationLetterService,
  ) {}

  /** Letters of the tenders the viewer sees, oldest first, each with its status today. */
  private async scoped(
    scope: Scope,
    where: string,
    params: Record<string, unknown>,
  ): Promise<TenderLetterWithStatus[]> {
    const visible = this.tenders.scoped(scope).select('t.id');
    const { entities, raw } = await this.ds
      .getRepository(TenderLetter)
      .createQueryBuilder('l')
      .addSelect(
        `(SELECT min(g.revoked_from)::text FROM authorization_grant g
           WHERE g.id = ANY(l.grant_ids) AND g.revoked_from <= l.valid_to)`,
        'revoked_from',
      )
      .where(`l.tender_id IN (${visible.getQuery()})`, visible.getParameters())
      .andWhere(where, params)
      .orderBy('l.created_at')
      .addOrderBy('l.id')
      .getRawAndEntities();
    const on = today();
    return entities.map((l) => {
      const revokedFrom = raw.find((r: { l_id: string }) => r.l_id === l.id)?.revoked_from ?? null;
      return Object.assign(l, { status: statusOn({ ...l, revokedFrom }, on) });
    });
  }

  byTenderIds(scope: Scope, tenderIds: readonly string[]): Promise<TenderLetterWithStatus[]> {
    return this.scoped(scope, 'l.tender_id = ANY(:tenderIds)', { tenderIds });
  }

  async get(scope: Scope, id: string): Promise<TenderLetterWithStatus> {
    const [found] = isUuid(id) ? await this.scoped(scope, 'l.id = :id', { id }) : [];
    if (!found) throw notFound('Tender letter');
    return found;
  }

  /** The letter as a document (its PDF): what the general letter prints, with the tender's reference. */
  async document(scope: Scope, id: string): Promise<AuthorizationLetter> {
    const letter = await this.get(scope, id);
    const tender = await this.tenders.get(scope, letter.tenderId);
    const [document] = await this.letters.compose(scope, letter.distributorId, [
      {
        kind: 'tender',
        number: letter.id,
        validFrom: letter.validFrom,
        validTo: letter.validTo,
        endedEarly: false,
        exclusive: false,
        temporary: false,
        regionIds: [],
        hospitalIds: [letter.hospitalId],
        productIds: letter.productIds,
        productLineIds: [],
        tender: { number: tender.number, purchaser: tender.purchaser, project: letter.project },
      },
    ]);
    return document;
  }

  /** Issues the letter for the tender's distributor; a retry with the key answers the first letter. */
  async issue(scope: Scope, input: IssueTenderLetterInput): Promise<TenderLetterWithStatus> {
    const { idempotencyKey, ...fields } = input;
    const productIds = [...new Set(fields.productIds)].sort();
    const project = fields.project.trim();
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint({ ...fields, productIds, project }),
      constraint: 'tender_letter_request_key',
      earlier: (em) => earlierByKey(em, TenderLetter, 'issued_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key issued another authorization letter'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const tender = await this.tenders.locked(em, scope, fields.tenderId);
        if (tender.status === TenderStatus.WON || tender.status === TenderStatus.LOST)
          throw illegal('A decided tender gets no authorization letter');
        const opportunity = await em.findOneByOrFail(Opportunity, { id: tender.opportunityId });
        if (!opportunity.distributorId) throw illegal('The brand’s own opportunity has no distributor to authorize');
        if (!project) throw badInput('project', 'Name the project');
        const on = today();
        const opening = today(tender.bidOpeningAt);
        if (opening < on) throw illegal('The tender’s bids were opened already');
        const offered = new Set((await this.tenders.productsOf(scope, [tender.id], on, em)).map((p) => p.productId));
        if (productIds.some((p) => !offered.has(p)))
          throw badInput('productIds', 'Name products of this tender’s product line');
        const grants = await this.covering(em, tender, opportunity, productIds, on);
        const uncovered = productIds.filter((p) => !grants.has(p));
        if (uncovered.length) {
          const names: Array<{ name: string }> = await em.query(
            `SELECT name FROM product WHERE id = ANY($1) ORDER BY name`,
            [uncovered],
          );
          throw new AppError(
            ErrorCode.BAD_USER_INPUT,
            `The distributor’s authorization does not cover ${names.map((n) => n.name).join(', ')} at this hospital today`,
            'productIds',
            ErrorReason.NOT_COMPLIANT,
            { productIds: uncovered },
          );
        }
        const ends = [...grants.values()].map(lastDay);
        const validTo = [opening, ...ends].sort()[0];
        const saved = await em.save(
          em.create(TenderLetter, {
            brandId: scope.brandId,
            tenderId: tender.id,
            distributorId: opportunity.distributorId,
            hospitalId: opportunity.hospitalId,
            project,
            productIds,
            grantIds: [...new Set([...grants.values()].map((g) => g.id))],
            validFrom: on,
            validTo,
            issuedBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        // on the tender's trail, which both sides read
        await audit(em, scope, 'ISSUE_TENDER_LETTER', 'tender', tender.id, {
          letterId: saved.id,
          productIds,
          project,
          validTo,
          grantIds: saved.grantIds,
        });
        return saved.id;
      }),
    );
    return this.get(scope, id);
  }

  /**
   * For each product, the distributor's grant live today covering it at the hospital (naming it,
   * or its city or province) that lasts longest; a product with none is absent.
   */
  private async covering(
    em: EntityManager,
    tender: Tender,
    o: Opportunity,
    productIds: string[],
    on: string,
  ): Promise<Map<string, CoveringGrant>> {
    const rows: CoveringGrant[] = await em.query(
      `SELECT g.id, p.id AS "productId", g.valid_to::text AS "validTo", g.revoked_from::text AS "revokedFrom"
         FROM authorization_grant g
         JOIN hospital h ON h.id = $3 AND h.brand_id = g.brand_id
         JOIN region hr ON hr.id = h.region_id
         JOIN product p ON p.id = ANY($4) AND p.brand_id = g.brand_id
          AND (p.id = ANY(g.product_ids) OR p.product_line_id = ANY(g.product_line_ids))
        WHERE g.brand_id = $1 AND g.distributor_id = $2
          AND g.valid_from <= $5 AND g.valid_to >= $5 AND (g.revoked_from IS NULL OR g.revoked_from > $5)
          AND (h.id = ANY(g.hospital_ids) OR g.region_ids && ARRAY[h.region_id, hr.parent_id])`,
      [tender.brandId, o.distributorId, o.hospitalId, productIds, on],
    );
    const best = new Map<string, CoveringGrant>();
    for (const row of rows) {
      const held = best.get(row.productId);
      if (!held || lastDay(row) > lastDay(held) || (lastDay(row) === lastDay(held) && row.id < held.id))
        best.set(row.productId, row);
    }
    return best;
  }
}
