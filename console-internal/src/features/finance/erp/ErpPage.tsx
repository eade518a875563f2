import { useCan } from '@medchannel/web-shared';
import { WebhookCard } from './WebhookCard';
import { DeliveriesCard } from './DeliveriesCard';
import { OutboxCard } from './OutboxCard';

/** ERP 接口: the webhook the outbox delivers to, the events it holds, and the delivery log. Finance reads; the admin sets and resends. */
export default function ErpPage() {
  const admin = useCan('erp.configure');
  return (
    <>
      <WebhookCard editable={admin} />
      <OutboxCard canResend={admin} />
      <DeliveriesCard />
    </>
  );
}
