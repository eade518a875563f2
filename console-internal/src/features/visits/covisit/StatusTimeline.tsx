import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import type { CoVisitDetailFragment } from '../../../gql/graphql';

/** What happened to the plan, oldest first, from what the visit records. */
export function StatusTimeline({ visit }: { visit: CoVisitDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = [
    {
      color: 'blue',
      content: t('visit.timeline.proposed', {
        who: visit.proposedBy?.displayName ?? '—',
        at: format.dateTime(visit.createdAt),
      }),
    },
    ...visit.slots
      .filter((s) => s.proposedBy?.id !== visit.proposedBy?.id)
      .map((s) => ({
        color: 'gray',
        content: t('visit.timeline.slotOffered', {
          who: s.proposedBy?.displayName ?? t(`visitSide.${s.proposedSide}`),
          at: format.dateTime(s.startsAt),
        }),
      })),
    ...(visit.confirmedSlot
      ? [{ color: 'green', content: t('visit.timeline.confirmed', { at: format.dateTime(visit.startsAt) }) }]
      : []),
    ...visit.participants
      .filter((p) => p.checkedInAt)
      .map((p) => ({
        color: 'green',
        content: t('visit.timeline.checkedIn', { who: p.user?.displayName ?? '—', at: format.dateTime(p.checkedInAt) }),
      })),
    ...(visit.status === CoVisitStatus.DONE ? [{ color: 'green', content: t('visit.timeline.done') }] : []),
    ...(visit.status === CoVisitStatus.CANCELLED
      ? [
          {
            color: 'red',
            content: t('visit.timeline.cancelled', {
              who: visit.cancelledBy?.displayName ?? '—',
              reason: visit.cancelReason ?? '',
            }),
          },
        ]
      : []),
    ...(visit.status === CoVisitStatus.PROPOSED && visit.awaitingSide
      ? [{ color: 'gold', content: t('visit.timeline.awaiting', { side: t(`visitSide.${visit.awaitingSide}`) }) }]
      : []),
  ];
  return <Timeline items={items} data-testid="covisit-timeline" />;
}
