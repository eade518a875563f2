import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { webAppConfig } from '@medchannel/web-shared/vite';

export default defineConfig({
  plugins: [react()],
  ...webAppConfig({ port: 5173 }),
});
