import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The api serves dist/ at `/` (apps/api/src/web); `npm run web:dev` proxies the API to a running `npm start`.
const API = [
  '/auth',
  '/applications',
  '/reviewers',
  '/review-cycles',
  '/board',
  '/award-cycles',
  '/directory',
  '/me',
  '/rubrics',
  '/policies',
  '/audit',
  '/privacy',
  '/health',
  '/docs',
  '/admin',
];

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@cert/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)),
      '@cert/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(
      API.map((path) => [
        path,
        { target: 'http://127.0.0.1:3000', bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined) },
      ]),
    ),
  },
});
