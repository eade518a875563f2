// Plain JavaScript: vite.config.ts loads this through Node, which does not strip types here.

// The API runs on its own port; the dev server proxies /graphql and /files (document scans) so cookies stay same-origin.
const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';

/**
 * Everything both apps' vite.config.ts share; each adds its plugins and picks its port.
 * @param {{ port: number }} options
 * @returns {import('vite').UserConfig}
 */
export function webAppConfig({ port }) {
  return {
    // web-shared ships TypeScript source and imports these itself: one copy each, the app's.
    resolve: {
      dedupe: [
        'react',
        'react-dom',
        'antd',
        '@ant-design/icons',
        '@apollo/client',
        'i18next',
        'react-i18next',
        'react-router',
        'dayjs',
        'graphql',
      ],
    },
    server: {
      port,
      strictPort: true,
      proxy: {
        '/graphql': { target: API_URL, changeOrigin: false },
        '/files': { target: API_URL, changeOrigin: false },
      },
    },
    preview: { port, proxy: { '/graphql': { target: API_URL }, '/files': { target: API_URL } } },
    build: {
      sourcemap: false,
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        output: {
          // Group library code by the set of chunks that use it, so code only lazy pages share
          // (tables, forms, cards, pickers) never rides along in the first load.
          codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/, entriesAware: true }] },
        },
      },
    },
  };
}
