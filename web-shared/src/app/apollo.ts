import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { AUDIENCE_HEADER, ErrorCode } from '@medchannel/shared-schema';
import { codedError } from './errors';
import { cacheTypePolicies } from './cache-identity';

export type SessionLostHandler = () => void;

let onSessionLost: SessionLostHandler = () => {};

/** The session provider registers here: an UNAUTHENTICATED answer anywhere sends the user to login. */
export function setSessionLostHandler(handler: SessionLostHandler): void {
  onSessionLost = handler;
}

/** Operations whose UNAUTHENTICATED answer is expected and handled where they are called. */
const SELF_HANDLED = new Set(['Login', 'Me', 'Logout']);

export function createApolloClient(audience: 'console' | 'portal'): ApolloClient {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (SELF_HANDLED.has(operation.operationName ?? '')) return;
    if (codedError(error).code === ErrorCode.UNAUTHENTICATED) onSessionLost();
  });
  const httpLink = new HttpLink({
    uri: '/graphql',
    // The API's cookie is httpOnly and the app proxies /graphql, so the request is same-origin.
    credentials: 'same-origin',
    // The API picks the audience's cookie by this header and refuses logins from the other side.
    headers: { [AUDIENCE_HEADER]: audience },
  });
  return new ApolloClient({
    link: ApolloLink.from([errorLink, httpLink]),
    // Objects whose ids are unique only inside their parent are kept inside it (cache-identity.ts).
    cache: new InMemoryCache({ typePolicies: cacheTypePolicies() }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
