import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The api serves dist/ at `/` (apps/api/src/web); `npm run web:dev` proxies the API to a running `npm start`.
const API = ['/auth', '/applications', '/reviewers', '/board', '/me', '/rubrics', '/policies', '/audit', '/health', '/docs'];

export default defineConfig({
  root,
  plugins: [react()],
  // The domain is pure TypeScript: the web reads its registries (event labels, statuses) from the source.
  resolve: { alias: { '@cert/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(
      API.map((path) => [path, { target: 'http://127.0.0.1:3000', bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined) }]),
    ),
  },
});
