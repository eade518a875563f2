import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { DeliveryCard } from './DeliveryCard';
import { PresalesCard } from './PresalesCard';

/** The opportunity page's 售前支持 and 交付项目 cards, each shown to whoever may read it. */
export function DeliveryCards({ opportunityId, won }: { opportunityId: string; won: boolean }) {
  const { role } = useCurrentUser();
  return (
    <>
      {can(role, 'presales.read') && <PresalesCard opportunityId={opportunityId} canLog={can(role, 'presales.log')} />}
      {can(role, 'delivery.read') && (
        <DeliveryCard opportunityId={opportunityId} won={won} canManage={can(role, 'delivery.manage')} />
      )}
    </>
  );
}
