/** At most this many at once: HTTP/1.1 gives a host six connections; the sign-in and the app need two. */
const LANES = 4;

/**
 * Fetches the full app's files into the HTTP cache without running them, as listed by the build in
 * index.html (vite.config.ts, appChunks): signed in, the app then opens from the cache; signed out,
 * it arrives while the rep types. Low priority and four at a time, so that asking who is signed in
 * and signing in never wait for a connection. A file that fails is left to the app's own fetch.
 * Nothing listed (the dev server): nothing to do.
 */
export function prefetchApp(): void {
  let files: string[];
  try {
    files = JSON.parse(document.getElementById('app-chunks')?.textContent ?? '[]') as string[];
  } catch {
    return;
  }
  const queue = [...files];
  const lane = async (): Promise<void> => {
    for (let href = queue.shift(); href; href = queue.shift()) {
      await fetch(href, { credentials: 'same-origin', priority: 'low' })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    }
  };
  for (let i = 0; i < LANES; i += 1) void lane();
}
