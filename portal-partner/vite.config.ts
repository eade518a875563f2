import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { webAppConfig } from '@medchannel/web-shared/vite';

const DIST = join(import.meta.dirname, 'dist');
/** The pages a rep needs without a signal, besides the first load: the signed-in shell and ordering. */
const OFFLINE_PAGES =
  /^assets\/(App|PortalLogin|AppLayout|HomePage|OrdersPage|OrderDetailPage|CatalogPage|CartPage|ReviewPage)-/;

/** `files` and every chunk they import statically (what opening them fetches), from the built code. */
function withStaticImports(files: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+\.js)["']/g))
      visit(posix.join(posix.dirname(file), m[1]));
  };
  files.forEach(visit);
  return found;
}

export default defineConfig({
  plugins: [
    react(),
    // Installable, and the shell opens without a signal (src/app/serviceWorker.ts registers it).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'MedChannel 经销商门户',
        short_name: 'MedChannel',
        description: 'MedChannel distributor portal: orders, statements, training, visits',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1565c0',
        background_color: '#f5f7fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Precached at install: the first load (what index.html names), the signed-in shell and the
        // ordering pages with what they import, every stylesheet, the icons. Any other page's code
        // is kept when first visited (runtime cache below): a visited page opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        manifestTransforms: [
          async (entries) => {
            const html = readFileSync(join(DIST, 'index.html'), 'utf8');
            const first = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
            const pages = entries.map((e) => e.url).filter((url) => OFFLINE_PAGES.test(url));
            const keep = withStaticImports([...first, ...pages]);
            return { manifest: entries.filter((e) => !e.url.endsWith('.js') || keep.has(e.url)), warnings: [] };
          },
        ],
        navigateFallback: '/index.html',
        // the API and the other app are never the SPA
        navigateFallbackDenylist: [/^\/graphql/, /^\/files\//, /^\/other-app/],
        cleanupOutdatedCaches: true,
        // the first visit's page is controlled at once, so the pages it opens next are cached
        clientsClaim: true,
        runtimeCaching: [
          {
            // hashed, immutable: a visited page's code, kept once fetched
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'assets', expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60 } },
          },
        ],
      },
    }),
  ],
  // The same vite 8.3.8, but web-shared's types resolve to its own copy, installed without terser
  // (which workbox brings here and pnpm makes a second copy for): unrelated types to TypeScript.
  ...(webAppConfig({ port: 5174 }) as unknown as UserConfig),
});
