import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@cert/config';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import helmet from 'helmet';
import { apiDocument } from './http/openapi';
import { strictValidationPipe } from './http/validation';
import { wellFormedBody } from './http/well-formed-body';
import { docsBehindSignIn } from './http/production-posture';

/** What main.ts and the int specs both need, so tests drive the same app users get. */
export function configureApp(app: INestApplication): void {
  // Security headers; here rather than in main.ts so the specs see what users get. No
  // upgrade-insecure-requests: on a plain-http host browsers would rewrite the web app's assets to https.
  // blob: images and frames: the web app previews an evidence document it fetched with the session (PDF and images,
  // typed by their bytes: docs/DOMAIN.md, Evidence) from an object URL of its own.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { upgradeInsecureRequests: null, imgSrc: ["'self'", 'data:', 'blob:'], frameSrc: ["'self'", 'blob:'] },
      },
    }),
  );
  // The client address (rate limits, sign-in lockout) is the real peer unless TRUST_PROXY names the proxies in front:
  // believing any X-Forwarded-For would let one client pick a new address per request and dodge the limits.
  const { trustProxy } = app.get<AppConfig>(APP_CONFIG);
  (app.getHttpAdapter().getInstance() as { set: (key: string, value: unknown) => void }).set(
    'trust proxy',
    typeof trustProxy === 'object' ? [...trustProxy] : trustProxy,
  );
  // No content-hash ETags: the only entity tag the API answers is a stream version (`W/"7"`), which If-Match takes back.
  (app.getHttpAdapter().getInstance() as { set: (key: string, value: unknown) => void }).set('etag', false);
  // Request size limit: a body over 256 kB is refused (413) before anything parses it.
  app.use(json({ limit: '256kb' }));
  // Too deep or not well-formed Unicode: a 400 before validation, which would otherwise crash on it.
  app.use(wellFormedBody);
  // Browser sessions travel in cookies (auth/browser-sessions.ts).
  app.use(cookieParser());
  app.useGlobalPipes(strictValidationPipe());
  if (app.get<AppConfig>(APP_CONFIG).production) docsBehindSignIn(app);
  // Built once here; /docs and /docs-json serve it as it is.
  SwaggerModule.setup('docs', app, apiDocument(app));
}
