import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
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

/** What the app opens first after signing in: the app itself, its frame, the home (where `next` leads by default). */
const APP_OPENS = ['/src/app/App.tsx', '/src/app/shell/AppLayout.tsx', '/src/features/home/HomePage.tsx'];

/**
 * The full app's files (APP_OPENS' chunks, what they import statically, their stylesheets) that the
 * first load does not bring, listed in index.html (`#app-chunks`): the sign-in shell prefetches them
 * while it asks who is signed in (app/signIn/start.ts), so that the app is on the device by the time
 * the answer or the rep's tap opens it. Read from the bundle as Rollup wrote it, so never stale.
 */
function appChunks(): Plugin {
  return {
    name: 'medchannel-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (from: string[]) => {
          const found = new Set<string>();
          const visit = (file: string) => {
            if (found.has(file)) return;
            found.add(file);
            const chunk = byName.get(file);
            chunk?.viteMetadata?.importedCss.forEach((css) => found.add(css));
            chunk?.imports.forEach(visit);
          };
          from.forEach(visit);
          return found;
        };
        const opened = APP_OPENS.map((module) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`appChunks: no chunk for ${module}`);
          return chunk.fileName;
        });
        const first = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const files = [...closure(opened)].filter((f) => !first.has(f)).map((f) => `/${f}`);
        return [
          {
            tag: 'script',
            attrs: { type: 'application/json', id: 'app-chunks' },
            children: JSON.stringify(files),
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    appChunks(),
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
