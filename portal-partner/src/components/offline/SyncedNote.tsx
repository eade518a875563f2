import './strings';
import { useEffect } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApolloClient } from '@apollo/client/react';
import { codedError, MeDocument, useCurrentUser, useFormat } from '@medchannel/web-shared';
import { markSynced, syncedAt } from './syncedAt';
import { useOnline } from './useOnline';

interface ListQuery {
  data?: unknown;
  error?: unknown;
  loading: boolean;
}

/**
 * Over a list the device keeps (keptCache): notes when the query `operation` had its answer from
 * the server, and while there is no signal says that what shows is what the server said then.
 */
export function SyncedNote({ operation, query }: { operation: string; query: ListQuery }) {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const client = useApolloClient();
  const user = useCurrentUser();
  const { data, error, loading } = query;
  const answered = online && data != null && !loading && error == null;
  useEffect(() => {
    if (!answered) return;
    // who is signed in, kept with the cache: the app opened without a signal opens as them (useSessionState)
    client.writeQuery({ query: MeDocument, data: { me: user } });
    markSynced(operation);
  }, [answered, data, operation, client, user]);
  const noSignal = !online || (error != null && codedError(error).code === 'NETWORK');
  if (!noSignal) return null;
  const at = syncedAt(operation);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="synced-note"
      message={at ? t('offline.syncedAt', { time: format.dateTime(at) }) : t('offline.noSignal')}
    />
  );
}
