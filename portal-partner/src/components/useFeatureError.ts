import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { ErrorReason } from '@medchannel/shared-schema';
import { codedError, errorMessage } from '@medchannel/web-shared';

interface Options {
  /** where the feature words its reasons: `<prefix>.<REASON>` (and `<prefix>.NETWORK`) */
  prefix: string;
  /** reasons that mean the record moved on underneath (someone else acted first) */
  stale: readonly ErrorReason[];
  /** the queries to refetch then, so the page shows where the record stands now */
  reload: string[];
}

/**
 * A failed request in the feature's own words (`<prefix>.*`), else the shared wording of the
 * reason or code — never the server's English. When the record changed underneath, the named
 * queries are refetched. Pass the options as a module constant, so the callback stays the same.
 */
export function useFeatureError({ prefix, stale, reload }: Options) {
  const { t } = useTranslation();
  const client = useApolloClient();
  return useCallback(
    (error: unknown): string => {
      const coded = codedError(error);
      if (coded.reason && stale.includes(coded.reason)) void client.refetchQueries({ include: reload });
      const key = coded.reason ?? (coded.code === 'NETWORK' ? 'NETWORK' : '');
      const own = key ? t(`${prefix}.${key}`, { defaultValue: '' }) : '';
      return own || errorMessage(t, error);
    },
    [t, client, prefix, stale, reload],
  );
}
