import type { UserConfig } from 'vite';

/** Everything both apps' vite.config.ts share; each adds its plugins and picks its port. */
export function webAppConfig(options: { port: number }): UserConfig;
