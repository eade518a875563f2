import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { OutboxEventRowFragment } from '../../../gql/graphql';

/** Where a record an event tells of is shown in the console (records with no page of their own are named only). */
const PAGE_OF: Record<string, (id: string) => string> = {
  order: (id) => `/orders/${id}`,
  statement: (id) => `/finance/statements/${id}`,
};

/** The record an event is about, by its kind and the number people know it by, linked to its page where it has one. */
export function EventRecord({ event }: { event: OutboxEventRowFragment }) {
  const { t } = useTranslation();
  const kind = t(`erp.entityName.${event.entity}`, { defaultValue: t('erp.entityName.other') });
  const label = event.reference ? `${kind} ${event.reference}` : kind;
  const page = PAGE_OF[event.entity];
  return page ? (
    <Link to={page(event.entityId)} data-testid="outbox-record">
      {label}
    </Link>
  ) : (
    <span data-testid="outbox-record">{label}</span>
  );
}

/**
 * Delivered, or why not yet: nothing is sent while no address is set or sending is off; an event whose attempt is due
 * waits for the sender's next round; one that failed waits for its next attempt, with the error.
 */
export function EventState({ event, sending }: { event: OutboxEventRowFragment; sending: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (event.deliveredAt)
    return <Tag color="green">{t('erp.deliveredAt', { when: format.dateTime(event.deliveredAt) })}</Tag>;
  const due = new Date(event.nextAttemptAt).getTime() <= Date.now();
  const state = !sending ? (
    <Tag>{t('erp.notSending')}</Tag>
  ) : due ? (
    <Tag color="gold">{t('erp.due')}</Tag>
  ) : (
    <Tag color="gold">{t('erp.pendingUntil', { when: format.dateTime(event.nextAttemptAt) })}</Tag>
  );
  return (
    <>
      {state}
      {event.lastError && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
          {t(`erp.failure.${event.lastError}`, { defaultValue: event.lastError })}
        </Typography.Text>
      )}
    </>
  );
}
