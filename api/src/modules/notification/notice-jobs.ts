import { DataSource } from 'typeorm';
import {
  COURSE_DUE_SOON_DAYS,
  DEFAULT_NEAR_EXPIRY_DAYS,
  EXPIRY_NOTICE_DAYS,
  NotificationKind,
  Role,
  TENDER_NOTICE_DAYS,
  rolesFor,
} from '@medchannel/shared-schema';
import { addDays, daysBetween, today } from '../../common/dates';
import type { SentNotice } from './channels';
import type { NotificationService } from './notification.service';
import { recipientsWhoMayRead } from './recipients';

/** An expired document is announced only if it ran out this recently (not every old licence on the first run). */
const EXPIRED_LOOKBACK_DAYS = 7;

interface Expiring {
  id: string;
  brand_id: string;
  /** the distributor the document is of: its owners and channel manager are told (none for a product) */
  distributor_id: string | null;
  name: string;
  valid_to: string;
  channel_manager_id: string | null;
  /** a product's code, for the notice to find it by */
  code?: string;
}

/**
 * The daily notices: documents and products' registration certificates expiring (60/30/7 days
 * before) and expired, courses due soon, tenders' deadlines near, and yesterday's digests. Idempotent: each notice carries a dedupe key (the document, the threshold;
 * the enrollment, its due date; the robot, the day), so a second run the same day writes nothing
 * new, and several API processes may run it.
 */
export class NoticeJobs {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
    /** a batch in stock expiring within this many days is announced (config NEAR_EXPIRY_DAYS) */
    private readonly nearExpiryDays: number = DEFAULT_NEAR_EXPIRY_DAYS,
  ) {}

  async runDaily(now: Date = new Date()): Promise<{ notices: number; digests: number }> {
    const day = today(now);
    let notices = 0;
    notices += await this.expiring(
      day,
      'qualification',
      NotificationKind.QUALIFICATION_EXPIRING,
      NotificationKind.QUALIFICATION_EXPIRED,
      `SELECT q.id, q.brand_id, q.distributor_id, d.name || ' · ' || q.number AS name, q.valid_to::text AS valid_to, d.channel_manager_id
         FROM qualification q JOIN distributor d ON d.id = q.distributor_id
        WHERE q.valid_to IS NOT NULL AND q.valid_to BETWEEN $1::date AND $2::date
          -- renewed (a later document of the same kind lasts longer): it no longer warns
          AND NOT (q.type <> 'OTHER' AND EXISTS (SELECT 1 FROM qualification r WHERE r.distributor_id = q.distributor_id
            AND r.type = q.type AND r.id <> q.id AND (r.valid_to IS NULL OR r.valid_to > q.valid_to)))`,
    );
    notices += await this.expiring(
      day,
      'authorization',
      NotificationKind.AUTHORIZATION_EXPIRING,
      NotificationKind.AUTHORIZATION_EXPIRED,
      `SELECT g.id, g.brand_id, g.distributor_id, d.name, g.valid_to::text AS valid_to, d.channel_manager_id
         FROM authorization_grant g JOIN distributor d ON d.id = g.distributor_id
        WHERE g.valid_to BETWEEN $1::date AND $2::date AND (g.revoked_from IS NULL OR g.revoked_from > g.valid_to)`,
    );
    // a product's current certificate (a renewal moves valid_to, so a renewed one is told of no more)
    notices += await this.expiring(
      day,
      'product',
      NotificationKind.REGISTRATION_EXPIRING,
      NotificationKind.REGISTRATION_EXPIRED,
      `SELECT p.id, p.brand_id, NULL AS distributor_id, p.name, p.code, p.registration_valid_to::text AS valid_to, NULL AS channel_manager_id
         FROM product p WHERE p.registration_valid_to BETWEEN $1::date AND $2::date`,
    );
    notices += await this.coursesDueSoon(day);
    notices += await this.tenderDeadlines(day);
    notices += await this.stockNearExpiry(day);
    const digests = await this.digests(addDays(day, -1));
    return { notices, digests };
  }

  private async expiring(
    day: string,
    entity: string,
    expiringKind: NotificationKind,
    expiredKind: NotificationKind,
    sql: string,
  ): Promise<number> {
    const last = Math.max(...EXPIRY_NOTICE_DAYS);
    const docs: Expiring[] = await this.ds.query(sql, [addDays(day, -EXPIRED_LOOKBACK_DAYS), addDays(day, last)]);
    let sent = 0;
    for (const doc of docs) {
      const days = daysBetween(day, doc.valid_to);
      // the tightest threshold reached: a document first seen 20 days out is told of the 30, once
      const threshold = days < 0 ? null : Math.min(...EXPIRY_NOTICE_DAYS.filter((t) => days <= t));
      const expired = threshold === null;
      await this.ds.transaction(async (em) => {
        // a distributor's document: its owners; a product's certificate: those who keep the catalog
        const owners: Array<{ id: string }> = doc.distributor_id
          ? await em.query(`SELECT id FROM app_user WHERE distributor_id = $1 AND role = $2 AND disabled_at IS NULL`, [
              doc.distributor_id,
              Role.OWNER,
            ])
          : await em.query(
              `SELECT id FROM app_user WHERE brand_id = $1 AND role = ANY($2) AND distributor_id IS NULL AND disabled_at IS NULL`,
              [doc.brand_id, rolesFor('product.edit')],
            );
        const written = await this.notifications.notify(em, {
          brandId: doc.brand_id,
          userIds: [...owners.map((o) => o.id), ...(doc.channel_manager_id ? [doc.channel_manager_id] : [])],
          kind: expired ? expiredKind : expiringKind,
          entity,
          entityId: doc.id,
          params: {
            name: doc.name,
            validTo: doc.valid_to,
            ...(doc.distributor_id ? { distributorId: doc.distributor_id } : {}),
            ...(doc.code ? { code: doc.code } : {}),
            ...(expired ? {} : { days: String(days) }),
          },
          dedupeKey: expired
            ? `${expiredKind}:${doc.id}:${doc.valid_to}`
            : `${expiringKind}:${doc.id}:${doc.valid_to}:${threshold}`,
        });
        sent += written.length;
      });
    }
    return sent;
  }

  private async coursesDueSoon(day: string): Promise<number> {
    const due: Array<{
      id: string;
      brand_id: string;
      user_id: string;
      course_id: string;
      title: string;
      due_on: string;
    }> = await this.ds.query(
      `SELECT e.id, e.brand_id, e.user_id, e.course_id, c.title, e.due_on::text AS due_on
           FROM training_enrollment e JOIN course c ON c.id = e.course_id
          WHERE e.passed_at IS NULL AND e.due_on BETWEEN $1::date AND $2::date AND c.archived_at IS NULL`,
      [day, addDays(day, COURSE_DUE_SOON_DAYS)],
    );
    let sent = 0;
    for (const e of due) {
      await this.ds.transaction(async (em) => {
        const written = await this.notifications.notify(em, {
          brandId: e.brand_id,
          userIds: [e.user_id],
          kind: NotificationKind.TRAINING_DUE_SOON,
          entity: 'course',
          entityId: e.course_id,
          params: { course: e.title, dueOn: e.due_on },
          dedupeKey: `${NotificationKind.TRAINING_DUE_SOON}:${e.id}:${e.due_on}`,
        });
        sent += written.length;
      });
    }
    return sent;
  }

  /**
   * A tender's registration deadline (while it is open) and its bid opening (open or submitted),
   * within TENDER_NOTICE_DAYS: to the opportunity's owner, once per tender, deadline and date.
   */
  private async tenderDeadlines(day: string): Promise<number> {
    const due: Array<{
      id: string;
      brand_id: string;
      owner_id: string;
      opportunity_id: string;
      number: string;
      kind: NotificationKind;
      due_on: string;
    }> = await this.ds.query(
      `SELECT t.id, t.brand_id, o.owner_id, o.id AS opportunity_id, t.number, $3::text AS kind, t.registration_deadline::text AS due_on
           FROM tender t JOIN opportunity o ON o.id = t.opportunity_id
          WHERE t.status = 'OPEN' AND t.registration_deadline BETWEEN $1::date AND $2::date
         UNION ALL
         SELECT t.id, t.brand_id, o.owner_id, o.id AS opportunity_id, t.number, $4::text AS kind, (t.bid_opening_at AT TIME ZONE 'Asia/Shanghai')::date::text AS due_on
           FROM tender t JOIN opportunity o ON o.id = t.opportunity_id
          WHERE t.status IN ('OPEN', 'SUBMITTED')
            AND (t.bid_opening_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date`,
      [
        day,
        addDays(day, TENDER_NOTICE_DAYS),
        NotificationKind.TENDER_REGISTRATION_DUE,
        NotificationKind.TENDER_OPENING_DUE,
      ],
    );
    let sent = 0;
    for (const t of due) {
      await this.ds.transaction(async (em) => {
        const written = await this.notifications.notify(em, {
          brandId: t.brand_id,
          userIds: [t.owner_id],
          kind: t.kind,
          entity: 'tender',
          entityId: t.id,
          params: {
            name: t.number,
            opportunityId: t.opportunity_id,
            validTo: t.due_on,
            days: String(daysBetween(day, t.due_on)),
          },
          dedupeKey: `${t.kind}:${t.id}:${t.due_on}`,
        });
        sent += written.length;
      });
    }
    return sent;
  }

  /**
   * Batches in a distributor's stock (channel inventory) that expire within the near-expiry window:
   * once per distributor, product, batch and expiry, to the distributor's owners and its channel
   * manager (the brand). A batch sold out before the run is not told of.
   */
  private async stockNearExpiry(day: string): Promise<number> {
    const lots: Array<{
      brand_id: string;
      distributor_id: string;
      product_id: string;
      name: string;
      batch_no: string;
      valid_to: string;
      quantity: string;
      channel_manager_id: string | null;
    }> = await this.ds.query(
      `SELECT b.brand_id, b.distributor_id, b.product_id, p.name, b.batch_no, b.expiry_date::text AS valid_to,
              SUM(b.quantity)::text AS quantity, d.channel_manager_id
         FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN distributor d ON d.id = b.distributor_id
        WHERE b.quantity > 0 AND b.expiry_date BETWEEN $1::date AND $2::date
        GROUP BY b.brand_id, b.distributor_id, b.product_id, p.name, b.batch_no, b.expiry_date, d.channel_manager_id`,
      [day, addDays(day, this.nearExpiryDays)],
    );
    let sent = 0;
    for (const lot of lots) {
      await this.ds.transaction(async (em) => {
        const owners: Array<{ id: string }> = await em.query(
          `SELECT id FROM app_user WHERE distributor_id = $1 AND role = $2 AND disabled_at IS NULL`,
          [lot.distributor_id, Role.OWNER],
        );
        const written = await this.notifications.notify(em, {
          brandId: lot.brand_id,
          userIds: [...owners.map((o) => o.id), ...(lot.channel_manager_id ? [lot.channel_manager_id] : [])],
          kind: NotificationKind.STOCK_NEAR_EXPIRY,
          entity: 'distributor_stock',
          entityId: lot.distributor_id,
          params: {
            name: lot.name,
            batch: lot.batch_no,
            validTo: lot.valid_to,
            days: String(daysBetween(day, lot.valid_to)),
            quantity: lot.quantity,
            productId: lot.product_id,
          },
          dedupeKey: `${NotificationKind.STOCK_NEAR_EXPIRY}:${lot.distributor_id}:${lot.product_id}:${lot.batch_no}:${lot.valid_to}`,
        });
        sent += written.length;
      });
    }
    return sent;
  }

  /** One day's digest notices (created that day, China time), handed to each channel per brand. */
  private async digests(day: string): Promise<number> {
    const rows: Array<{
      id: string;
      brand_id: string;
      kind: NotificationKind;
      entity: string;
      entity_id: string;
      params: Record<string, string>;
      digest: string[] | string;
      user_id: string;
      side: SentNotice['recipient']['side'];
      role: Role;
      distributor_id: string | null;
      display_name: string;
      locale: SentNotice['recipient']['locale'];
    }> = await this.ds.query(
      `SELECT n.id, n.brand_id, n.kind, n.entity, n.entity_id, n.params, n.digest, n.user_id,
              u.side, u.role, u.distributor_id, u.display_name, u.locale
         FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE cardinality(n.digest) > 0 AND u.disabled_at IS NULL
          AND n.created_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND n.created_at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ORDER BY n.brand_id, n.seq`,
      [day],
    );
    let written = 0;
    const brands = [...new Set(rows.map((r) => r.brand_id))];
    for (const c of this.notifications.pushChannels()) {
      const channel = c.channel;
      for (const brandId of brands) {
        const notices: SentNotice[] = rows
          .filter((r) => r.brand_id === brandId && asArray(r.digest).includes(channel))
          .map((r) => ({
            id: r.id,
            brandId: r.brand_id,
            kind: r.kind,
            entity: r.entity,
            entityId: r.entity_id,
            params: r.params,
            recipient: {
              id: r.user_id,
              brandId: r.brand_id,
              side: r.side,
              role: r.role,
              distributorId: r.distributor_id,
              displayName: r.display_name,
              locale: r.locale,
            },
          }));
        // still readable by each person today: a record moved out of their scope since drops out of the digest
        const readable: SentNotice[] = [];
        for (const n of notices) {
          const [ok] = await recipientsWhoMayRead(this.ds.manager, n.brandId, [n.recipient.id], n.entity, n.entityId);
          if (ok) readable.push(n);
        }
        if (readable.length) written += await this.ds.transaction((em) => c.digest(em, day, readable));
      }
    }
    return written;
  }
}

/** pg answers a varchar[] as an array, PGlite sometimes as its text form. */
function asArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}
