import type { ApolloClient } from '@apollo/client';

/**
 * The portal's Apollo cache, kept on the device so the catalog and the orders a rep last read open
 * without a signal (a basement, a lift), each marked with when it last had an answer (SyncedNote).
 *
 * A small persistence of our own rather than apollo3-cache-persist: that package's current version
 * (0.15) is written for Apollo Client 3 (peer ^3.7.17) and this app runs 4; what is needed here is
 * a few lines (restore at start, save when a kept list has its answer, forget on clearStore) plus the per-list "last synced" times, which it does not keep; and the first load
 * stays within its budget (no link, no library code). GraphQL is POST, so a service-worker cache of
 * the answers is no option. localStorage: synchronous, so the cache is whole before the first
 * render. One snapshot per device, of whoever is signed in; login, logout and a lost session clear
 * the store, and with it the snapshot and the synced times.
 */
const STORAGE = 'medchannel.portal.kept';
/** SyncedNote's: when each kept list last had an answer */
export const SYNCED_STORAGE = 'medchannel.portal.synced';
/** Saves the cache now (a kept list has just had its answer and shows it); set by keepCache. */
export let saveKeptCache: () => void = () => {};

/** Restores the kept cache into `client` (before anything renders: the session reads it) and keeps it from now on. */
export function keepCache(client: ApolloClient): void {
  try {
    // nothing kept: JSON.parse(null) is null, which restores nothing
    client.cache.restore(JSON.parse(localStorage.getItem(STORAGE)!) as ReturnType<typeof client.cache.extract>);
  } catch {
    // unreadable: start empty
  }
  // throws when storage is full (its caller, markSynced, catches that)
  saveKeptCache = () => localStorage.setItem(STORAGE, JSON.stringify(client.cache.extract()));
  // login, logout, a lost session: nothing of the person before stays on the device
  client.onClearStore(async () => forgetKeptCache());
}

/** Nothing of the person before on the device: at login (here or in the sign-in shell), logout, a lost session. */
export function forgetKeptCache(): void {
  try {
    localStorage.removeItem(STORAGE);
    localStorage.removeItem(SYNCED_STORAGE);
  } catch {
    // no storage: nothing kept
  }
}

/**
 * Whether the device keeps someone's session: the snapshot answers who is signed in (SyncedNote
 * writes the user beside a kept list). The sign-in shell then opens the app at once, without asking
 * the network first: offline it opens as that person; online the app's own question checks it.
 */
export function keptSession(): boolean {
  try {
    const kept = JSON.parse(localStorage.getItem(STORAGE)!) as { ROOT_QUERY?: { me?: unknown } } | null;
    return kept?.ROOT_QUERY?.me != null;
  } catch {
    return false;
  }
}
