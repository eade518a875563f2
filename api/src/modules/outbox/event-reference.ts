/**
 * The record an ERP event is about, as people know it: an order's, a shipment's or an invoice's number, a
 * statement's month, a payment's bank reference. Read from the event's own payload (what the ERP was sent), so a
 * list of events costs no statement more; null when the payload names none.
 */
export function eventReference(entity: string, payload: Record<string, unknown>): string | null {
  const text = (key: string): string | null => {
    const value = payload[key];
    return typeof value === 'string' && value.trim() ? value : null;
  };
  switch (entity) {
    case 'order':
    case 'shipment':
    case 'invoice':
      return text('number');
    case 'statement':
      return text('period');
    case 'payment':
      return text('externalRef');
    default:
      return null;
  }
}
