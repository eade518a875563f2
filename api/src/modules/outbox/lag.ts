import type { DataSource } from 'typeorm';
import { ERP_CHANNEL } from './delivery';

/**
 * How far delivery is behind, for the operators' metrics: the age in seconds of the oldest message
 * still to go, per queue (0 when none). ERP events of a brand without an enabled webhook wait on
 * purpose and are left out; every brand's rows count (an operator's figure, never shown to a user).
 */
export async function outboxLagSeconds(ds: DataSource): Promise<Record<string, number>> {
  const [row]: Array<{ outbox: number | null; mail: number | null }> = await ds.query(
    `SELECT (SELECT extract(epoch FROM now() - min(o.created_at))::float FROM outbox_event o
              WHERE o.delivered_at IS NULL
                AND (o.channel <> $1
                  OR EXISTS (SELECT 1 FROM webhook_endpoint w WHERE w.brand_id = o.brand_id AND w.enabled))) AS outbox,
            (SELECT extract(epoch FROM now() - min(m.created_at))::float FROM mail_message m
              WHERE m.delivered_at IS NULL) AS mail`,
    [ERP_CHANNEL],
  );
  return { outbox: Math.max(0, row.outbox ?? 0), mail: Math.max(0, row.mail ?? 0) };
}
