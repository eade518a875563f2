import { addNoticeStrings } from '@medchannel/web-shared/notices';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import { addVisitStrings } from '@medchannel/web-shared/visits';

/** The inbox's and the notice settings' words: notices name order statuses and commitment kinds. */
export function addInboxStrings(): void {
  addNoticeStrings();
  addOrderStrings();
  addVisitStrings();
}
