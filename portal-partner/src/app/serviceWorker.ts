/**
 * Registers the portal's service worker (vite-plugin-pwa's Workbox build, vite.config.ts) from the
 * signed-in shell, once the page has loaded: a few lines, no workbox-window, none of it in the
 * first load (the worker then precaches that load, the shell and the ordering pages). A new version installs in the background and waits: the page keeps running on the
 * version it started with (its pages' code still in the old caches) until the rep taps reload in
 * the banner (UpdateBanner), which activates the new one and reloads once it controls the page.
 * No half-old, half-new page.
 */
let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function found(worker: ServiceWorker | null): void {
  // the first install has no page to update: it just takes control (clientsClaim)
  if (!worker || !navigator.serviceWorker.controller) return;
  waiting = worker;
  listeners.forEach((l) => l());
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  found(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') found(installing);
    });
  });
}

let registered = false;

export function registerServiceWorker(): void {
  if (registered) return;
  registered = true;
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const start = () => void register().catch(() => undefined); // no worker: the app runs as a plain page
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a new version waits to be activated. */
export function updateWaiting(): boolean {
  return waiting !== null;
}

/** Activates the waiting version (Workbox's SKIP_WAITING message) and reloads once it controls the page. */
export function applyUpdate(): void {
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
