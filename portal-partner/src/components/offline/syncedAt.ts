import { SYNCED_STORAGE, saveKeptCache } from './keptCache';

/** List (operation name) → ISO time of its last answer from the server, kept beside the cache. */
function read(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(SYNCED_STORAGE) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The list `operation` has just had its answer from the server: note when, and keep the cache. */
export function markSynced(operation: string): void {
  try {
    localStorage.setItem(SYNCED_STORAGE, JSON.stringify({ ...read(), [operation]: new Date().toISOString() }));
    saveKeptCache();
  } catch {
    // private mode or full: the list lasts for this page only
  }
}

/** When the list `operation` last had an answer, on this device (ISO), if ever. */
export function syncedAt(operation: string): string | undefined {
  return read()[operation];
}
