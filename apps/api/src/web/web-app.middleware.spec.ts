import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { webAppMiddleware } from './web-app.middleware';

/** The web app and the API share paths (no /api prefix): a browser page load gets the app, everything else the API. */
describe('webAppMiddleware', () => {
  let dist: string;
  let app: express.Express;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    app = express();
    // Mounted on a pattern, as Nest mounts middleware: Express strips the matched path from req.url.
    app.use('/{*path}', webAppMiddleware(dist));
    app.get('/applications/:id', (_req, res) => res.status(401).type('application/problem+json').send('{"status":401}'));
    app.get('/health', (_req, res) => res.json({ status: 'ok' }));
    app.get('/docs-json', (_req, res) => res.json({ openapi: '3.0.0' }));
    app.get('/directory/books/:year.pdf', (_req, res) => res.type('application/pdf').send('%PDF-1.3'));
    app.get('/audit/applications/:id/report.pdf', (_req, res) => res.status(401).type('application/problem+json').send('{"status":401}'));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('gives a browser page load the app, even on a path the API also answers (mailed links)', async () => {
    const res = await request(app).get('/applications/123').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    expect(res.text).toContain('id="root"');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API calls to the API: JSON, no Accept, or a bearer token', async () => {
    await request(app).get('/applications/123').set('Accept', 'application/json').expect(401);
    await request(app).get('/applications/123').expect(401);
    await request(app).get('/applications/123').set('Accept', 'text/html').set('Authorization', 'Bearer x').expect(401);
    await request(app).post('/applications/123').set('Accept', 'text/html').expect(404);
  });

  it('leaves a page load of a file the API makes (a PDF link opened in the browser) to the API', async () => {
    const navigation = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const book = await request(app).get('/directory/books/2026.pdf').set('Accept', navigation).expect(200);
    expect(book.headers['content-type']).toContain('application/pdf');
    const report = await request(app).get('/audit/applications/123/report.pdf').set('Accept', navigation).expect(401);
    expect(report.headers['content-type']).toContain('application/problem+json');
    // A file the build does not have is a 404 from the API, never the app's index.html.
    const missing = await request(app).get('/assets/gone-abc.js').set('Accept', navigation);
    expect(missing.text).not.toContain('id="root"');
  });

  it('never shadows /docs, /health or /admin/queues', async () => {
    expect((await request(app).get('/health').set('Accept', 'text/html').expect(200)).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/docs-json').set('Accept', 'text/html').expect(200)).body).toEqual({ openapi: '3.0.0' });
    await request(app).get('/admin/queues').set('Accept', 'text/html').expect(404);
  });

  it('serves hashed assets, cached for good', async () => {
    const res = await request(app).get('/assets/index-abc.js').expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });
});
