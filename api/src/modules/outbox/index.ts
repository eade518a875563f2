import type { Scope } from '../../auth/scope';
import { byId } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from './outbox.entity';
import { OutboxEventFields, OutboxResolver } from './outbox.resolver';
import { OutboxService } from './outbox.service';
import { targetPolicy } from './webhook-target';
import { MailMessage } from './mail.entity';
import { MailResolver } from './mail.resolver';
import { MailService, smtpTransport } from './mail.service';
import { Mail1767000000000 } from './1767000000000-Mail';
import { NoticeMail1768000000000 } from './1768000000000-NoticeMail';

function outboxServices({ ds, config }: ModuleCore) {
  return {
    outbox: new OutboxService(ds, targetPolicy(config)),
    mail: new MailService(ds, config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null),
  };
}
export type OutboxServices = ReturnType<typeof outboxServices>;

function outboxLoaders(services: OutboxServices, scope: Scope) {
  return { outboxEventById: byId<OutboxEvent>((ids) => services.outbox.eventsByIds(scope, ids)) };
}

export const outboxModule = defineModule({
  name: 'outbox',
  entities: () => [OutboxEvent, WebhookEndpoint, WebhookDelivery, MailMessage],
  migrations: () => [Mail1767000000000, NoticeMail1768000000000],
  services: outboxServices,
  loaders: outboxLoaders,
  resolvers: () => [OutboxResolver, OutboxEventFields, MailResolver],
});

// What other modules (and tests) may use from this one
export * from './outbox.service';
export * from './delivery';
export * from './claimer';
export { outboxLagSeconds } from './lag';
// the checks and the pinned POST every outgoing address goes through (group robots' too)
export { TargetError, failureOfStatus, postPinnedReading, resolveTarget, type TargetPolicy } from './webhook-target';
export * from './mail.service';
export * from './mail.entity';
// the delivery log, for a channel's own screens (group robots)
export { WebhookDelivery } from './outbox.entity';
