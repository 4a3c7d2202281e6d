import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Paths the web app never takes, even for a browser: Swagger (`/docs`, `/docs-json`), health, metrics and the
 * operators' queue dashboard answer as themselves.
 */
const SERVICE_PATHS = /^\/(docs|health|metrics|admin)(\/|-json|-yaml|$)/;

/** Where `npm run web:build` puts the app, seen from the sources (jest) and from the compiled `dist/` (npm start). */
export function findWebDist(): string | null {
  const candidates = [
    resolve(__dirname, '../../../web/dist'),
    resolve(__dirname, '../../../../../apps/web/dist'),
    resolve(process.cwd(), 'apps/web/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * A path ending in a file name (`/directory/books/2026.pdf`, `/audit/applications/:id/report.pdf`) names a file, and
 * the web app's routes never do: a page load of one is someone opening a document the API makes (a plain link, a
 * bookmark), so it goes to the API. Files of the build itself were served before this is asked.
 */
const FILE_NAME = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

/** A page load by a browser: it asks for HTML before JSON. fetch(), curl and API clients ask for `*` or JSON. */
const isNavigation = (req: Request, pathname: string) =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  !req.headers.authorization &&
  !FILE_NAME.test(pathname) &&
  req.accepts(['json', 'html']) === 'html';

/**
 * Serves the built web app next to the API, which has no `/api` prefix. The mailed links point at web pages whose
 * paths are also API routes (`/applications/:id`, `/applications/:id/growth-report`), so the choice is made by what the
 * request asks for, not by path: a browser navigation (Accept: text/html, no Authorization) gets the single-page app,
 * everything else goes on to the API, and so does a page load of a file the API makes (a PDF). Hashed assets under
 * `/assets` are cached for good; `index.html` never is.
 */
export function webAppMiddleware(distDir: string): RequestHandler {
  const assets = express.static(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes(`${join(distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexHtml = join(distDir, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    // Nest mounts middleware on a route pattern, and Express strips the matched part from req.url: use the original.
    const pathname = req.originalUrl.split('?')[0];
    if (SERVICE_PATHS.test(pathname)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const mountedUrl = req.url;
    req.url = req.originalUrl;
    assets(req, res, () => {
      req.url = mountedUrl;
      if (!isNavigation(req, pathname)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  };
}
