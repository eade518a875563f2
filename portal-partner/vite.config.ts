import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on its own port; the dev server proxies /graphql so cookies stay same-origin.
const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/graphql': { target: API_URL, changeOrigin: false } },
  },
  preview: { port: 5174, proxy: { '/graphql': { target: API_URL } } },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Group library code by the set of chunks that use it, so code only lazy pages share
        // (buttons, forms, cards) never rides along in the first load.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/, entriesAware: true }] },
      },
    },
  },
});
