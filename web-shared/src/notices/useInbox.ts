import { useMutation, useQuery } from '@apollo/client/react';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../gql/graphql';
import type { Notice } from './notice';

/**
 * The inbox's logic, the same in both apps: the list (all or unread), marking one or all read
 * (the cached notices are updated in place, the bell's count refetched), and opening one (read,
 * then its record). Each app lays the list out its own way (the console pages by `after`, the
 * portal loads more).
 */
export function useInbox(unreadOnly: boolean, go: (n: Notice) => void, after: string | null = null) {
  const query = useQuery(NotificationsDocument, { variables: { unreadOnly, after } });
  const [mark, marking] = useMutation(MarkNotificationsReadDocument, {
    refetchQueries: ['UnreadNotificationCount'],
    update(cache, _result, { variables }) {
      const now = new Date().toISOString();
      const asked = variables?.ids;
      const ids = Array.isArray(asked) ? asked.map(String) : (query.data?.notifications.nodes.map((n) => n.id) ?? []);
      for (const id of ids)
        cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { readAt: (v) => v ?? now } });
    },
  });
  return {
    query,
    marking,
    markAll: () => void mark({ variables: { ids: null } }),
    open: (n: Notice) => {
      if (!n.readAt) void mark({ variables: { ids: [n.id] } });
      go(n);
    },
  };
}
