import { rolesFor } from '@medchannel/shared-schema';
import type { OperationCase } from '../../../test/isolation/types';

/** The brand's e-mail list: its admins, and only their brand's messages. */
export const MAIL_OPERATIONS: Record<string, OperationCase> = {
  mailMessages: {
    allowed: rolesFor('mail.read'),
    own: () => ({ query: `{ mailMessages(first: 50) { totalCount nodes { id toAddress kind subject body kept } } }` }),
  },
};
