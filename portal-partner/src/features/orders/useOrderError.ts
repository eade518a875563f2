import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, errorMessage } from '@medchannel/web-shared';

/** Someone else moved the order on (the order desk approved it meanwhile): what the page shows is out of date. */
const STALE = new Set<string>([ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION]);

/**
 * A failed order request in the distributor's words: the order-specific wording of the reason
 * (`orderError.*`), else the shared one, else the code's — never the server's English. When the
 * order changed underneath, the order is reloaded so the page shows where it stands now.
 */
export function useOrderError() {
  const { t } = useTranslation();
  const client = useApolloClient();
  return useCallback(
    (error: unknown): string => {
      const coded = codedError(error);
      if (coded.reason && STALE.has(coded.reason)) void client.refetchQueries({ include: ['Order'] });
      const key = coded.reason ?? (coded.code === 'NETWORK' ? 'NETWORK' : '');
      const own = key ? t(`orderError.${key}`, { defaultValue: '' }) : '';
      return own || errorMessage(t, error);
    },
    [t, client],
  );
}
