// What both front ends share, for the first load: the app frame, i18n, Apollo, the session, the
// router. Screens that load later come from their own entries so they stay out of that chunk:
// '@medchannel/web-shared/states' and '@medchannel/web-shared/components'.
export { WebApp, type WebAppProps } from './app/WebApp';
export { addFeatureStrings, initI18n, i18n } from './app/i18n';
export { LOCAL_ID_TYPES, cacheTypePolicies } from './app/cache-identity';
export { createApolloClient, setSessionLostHandler, type SessionLostHandler } from './app/apollo';
export { codedError, errorMessage, formError, isCode, serverMessage, type CodedError } from './app/errors';
export { LANGUAGE, intlTag, isLocale, localeOfLanguage, storeLocale, storedLocale } from './app/locale';
export { useFormat } from './app/format';
export { SessionProvider, loginPath, useCurrentUser, useSession, type CurrentUser } from './app/session';
export { useCan } from './app/can';
/** The session's own query: the portal writes who is signed in beside the cache it keeps on the device. */
export { MeDocument } from './gql/graphql';
export {
  retryingLazy,
  resetFailedChunks,
  isChunkLoadError,
  ChunkLoadError,
  type RetryOptions,
} from './app/retrying-lazy';
export { PageBoundary, PageLoadFailed } from './components/PageBoundary';
export { createAppRouter, type AppRoutes, type LazyPage, type PageRoute } from './app/router';
export { FeedbackProvider, useFeedback, type Feedback } from './app/notice';
export { LoadingState } from './components/LoadingState';
