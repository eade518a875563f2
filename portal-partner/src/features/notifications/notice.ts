import type { TFunction } from 'i18next';
import type { NotificationsQuery } from '../../gql/graphql';
import { coursePath } from '../training/paths';
import { coVisitPath, notePath } from '../visits/paths';

type Notice = NotificationsQuery['notifications']['nodes'][number];

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
    ...(slots.length ? slots.map((start) => t('notice.slot', { time: dateTime(start) })) : [p.startsAt ? t('notice.startsAt', { time: dateTime(p.startsAt) }) : null]),
    p.visitedOn ? t('notice.visitedOn', { date: date(p.visitedOn) }) : null,
    p.learner ? t('notice.learner', { learner: p.learner }) : null,
    p.dueOn ? t('notice.dueOn', { date: date(p.dueOn) }) : null,
    p.shipment ? t('notice.shipment', { shipment: p.shipment }) : null,
    p.status && !statement ? t('notice.status', { status: t(`orderStatus.${p.status}`, { defaultValue: p.status }) }) : null,
    p.status && statement ? t(`notice.disputeOutcome.${p.status}`, { amount: p.adjustment ? money(p.adjustment) : '', defaultValue: p.status }) : null,
    p.closingBalanceChange ? t('notice.closingBalanceChange', { amount: money(p.closingBalanceChange), version: p.previousVersion ?? '' }) : null,
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
  };
  return { title: t(`notice.kind.${n.kind}`, { ...words, defaultValue: t('notice.kind.other') }), details };
}

/** Where a notice leads: the order, the course, the co-visit, the visit note or the statement it is about. */
export function noticeTarget(n: Pick<Notice, 'entity' | 'entityId'>): string | null {
  if (n.entity === 'order') return `/orders/${n.entityId}`;
  if (n.entity === 'course') return coursePath(n.entityId);
  if (n.entity === 'co_visit') return coVisitPath(n.entityId);
  if (n.entity === 'visit_note') return notePath(n.entityId);
  if (n.entity === 'statement') return `/statements/${n.entityId}`;
  return null;
}
