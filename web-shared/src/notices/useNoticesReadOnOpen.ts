import { useEffect } from 'react';
import { useMutation } from '@apollo/client/react';
import { MarkNotificationsReadAboutDocument } from '../gql/graphql';

/**
 * A record's page calls this: the viewer's unread notices about the record are marked read as
 * the page opens, whichever way it was reached (a link, the list, a bookmark — not only the inbox),
 * and the bell's count follows.
 */
export function useNoticesReadOnOpen(entity: string, id: string | undefined | null): void {
  const [mark] = useMutation(MarkNotificationsReadAboutDocument, { refetchQueries: ['UnreadNotificationCount'] });
  useEffect(() => {
    if (id) void mark({ variables: { entity, entityId: id } }).catch(() => undefined);
  }, [entity, id, mark]);
}
