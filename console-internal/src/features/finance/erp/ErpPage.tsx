import { useCurrentUser } from '@medchannel/web-shared';
import { runsErp } from '../roles';
import { WebhookCard } from './WebhookCard';
import { DeliveriesCard, OutboxCard } from './EventLogs';

/** ERP 接口: the webhook the outbox delivers to, the events it holds, and the delivery log. Finance reads; the admin sets and resends. */
export default function ErpPage() {
  const user = useCurrentUser();
  const admin = runsErp(user.role);
  return (
    <>
      <WebhookCard editable={admin} />
      <OutboxCard canResend={admin} />
      <DeliveriesCard />
    </>
  );
}
