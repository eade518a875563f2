// The audit log's words (columns, filters, kinds of record, actions): the trail's shared words, loaded with its page.
import { addAuditStrings } from '@medchannel/web-shared/audit';

addAuditStrings();
