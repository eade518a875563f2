// The inbox's words (web-shared's notice words), loaded with its page instead of the first load;
// notices name order statuses and commitment kinds.
import { addNoticeStrings } from '@medchannel/web-shared/notices';
import { addOrderStrings } from '@medchannel/web-shared/orders';
import { addVisitStrings } from '@medchannel/web-shared/visits';

addNoticeStrings();
addOrderStrings();
addVisitStrings();
