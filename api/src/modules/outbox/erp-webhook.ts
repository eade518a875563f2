import { createHmac } from 'node:crypto';
import { WEBHOOK_HEADERS, WebhookFailure } from '@medchannel/shared-schema';
import type { ChannelOutcome, ErpEvent } from './delivery';
import { TargetError, TargetPolicy, failureOfStatus, postPinned, resolveTarget } from './webhook-target';

/** HMAC-SHA256 over `timestamp.body`: what a receiver recomputes with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** One attempt at the brand's ERP webhook, signed with its secret. */
export async function postToErp(targets: TargetPolicy, e: ErpEvent, timeoutMs: number): Promise<ChannelOutcome> {
  const body = JSON.stringify({
    id: e.id,
    type: e.type,
    entity: e.entity,
    entityId: e.entity_id,
    occurredAt: new Date(e.created_at).toISOString(),
    data: e.payload,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  let status: number | null = null;
  let error: WebhookFailure | null = null;
  try {
    // checked again at every delivery (DNS may have changed since the URL was set), and sent to the checked address
    const url = new URL(e.url);
    const target = await resolveTarget(url, targets);
    status = await postPinned(
      url,
      target,
      body,
      {
        'content-type': 'application/json',
        [WEBHOOK_HEADERS.event]: e.type,
        [WEBHOOK_HEADERS.eventId]: e.id,
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.signature]: signature(e.secret, timestamp, body),
      },
      timeoutMs,
    );
    error = failureOfStatus(status);
  } catch (err) {
    error = err instanceof TargetError ? err.failure : WebhookFailure.UNREACHABLE;
  }
  return { url: e.url, status, error };
}
