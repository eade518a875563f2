import type { TFunction } from 'i18next';
import { noticePath, type NoticeApp } from '@medchannel/shared-schema';
import type { NotificationsQuery } from '../gql/graphql';

export type Notice = NotificationsQuery['notifications']['nodes'][number];

/**
 * A notice in the reader's language, from its kind and params (number, reason, shipment, status):
 * the API stores facts, not sentences. A param the kind did not send is simply left out.
 */
export function wordNotice(
  t: TFunction,
  n: Notice,
  date: (iso: string) => string = String,
  dateTime: (iso: string) => string = String,
  money: (amount: string) => string = String,
): { title: string; details: string[] } {
  const p = Object.fromEntries(n.params.map(({ name, value }) => [name, value]));
  const statement = n.entity === 'statement';
  // every time still on offer, not only the first (a co-visit's notice while it is open)
  const slots = p.slots ? p.slots.split(',').map((pair) => pair.split('/')[0]) : [];
  const details = [
    ...(slots.length
      ? slots.map((start) => t('notice.slot', { time: dateTime(start) }))
      : [p.startsAt ? t('notice.startsAt', { time: dateTime(p.startsAt) }) : null]),
    p.visitedOn ? t('notice.visitedOn', { date: date(p.visitedOn) }) : null,
    p.learner ? t('notice.learner', { learner: p.learner }) : null,
    p.dueOn ? t('notice.dueOn', { date: date(p.dueOn) }) : null,
    p.shipment ? t('notice.shipment', { shipment: p.shipment }) : null,
    p.status && !statement
      ? t('notice.status', { status: t(`orderStatus.${p.status}`, { defaultValue: p.status }) })
      : null,
    p.status && statement
      ? t(`notice.disputeOutcome.${p.status}`, {
          amount: p.adjustment ? money(p.adjustment) : '',
          defaultValue: p.status,
        })
      : null,
    p.closingBalanceChange
      ? t('notice.closingBalanceChange', { amount: money(p.closingBalanceChange), version: p.previousVersion ?? '' })
      : null,
    p.reason ? t('notice.reason', { reason: p.reason }) : null,
  ].filter((d): d is string => d != null);
  const words = {
    number: p.number ?? '',
    course: p.course ?? '',
    author: p.author ?? '',
    // a commitment's kind (price, support, …), in the reader's words
    kind: p.kind ? t(`commitmentKind.${p.kind}`, { defaultValue: p.kind }) : '',
    period: p.period ?? '',
    version: p.version ?? '',
    lineNo: p.lineNo ?? '',
    name: p.name ?? '',
    validTo: p.validTo ? date(p.validTo) : '',
    days: p.days ?? '',
    lot: p.lot ?? '',
  };
  return { title: t(`notice.kind.${n.kind}`, { ...words, defaultValue: t('notice.kind.other') }), details };
}

/** Where a notice leads in this app (shared-schema's one map), or null when the app has no page for its record. */
export function noticeTarget(
  app: NoticeApp,
  n: Pick<Notice, 'entity' | 'entityId'> & { params?: Notice['params'] },
): string | null {
  const params = Object.fromEntries((n.params ?? []).map(({ name, value }) => [name, value]));
  return noticePath(app, { entity: n.entity, entityId: n.entityId, params });
}
