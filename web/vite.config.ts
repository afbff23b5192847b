import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsSize } from './build/initial-js-size.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console is served by the API server at /app/ from web/dist; in dev, /api is proxied to it. */
export default defineConfig({
  root,
  base: '/app/',
  plugins: [react(), initialJsSize({ limitKb: 300 })],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': process.env.KOS_API_URL ?? 'http://127.0.0.1:8080' },
  },
});
