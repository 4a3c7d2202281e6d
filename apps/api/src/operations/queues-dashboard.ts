import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BullmqJobQueue, JobQueue } from '@cert/jobs';
import { bearerToken } from '../auth/auth.guard';

export const QUEUES_DASHBOARD_PATH = '/admin/queues';

export type ResolveActor = (bearerToken: string) => Promise<{ role: string } | null>;
type Denial = { type: 'about:blank'; title: string; status: 401 | 403; code: string; detail: string };

/**
 * Who may open the queue dashboard: a signed-in operator only (docs/DOMAIN.md, Who uses it: the operator runs the
 * service: health, job queues, read-model rebuilds). The session token comes in the Authorization header and nowhere
 * else: a token in the query string ends up in logs, history and Referer headers.
 * Returns null to allow, else the problem to answer (codes as in http/problem.filter.ts).
 */
export async function dashboardDenial(authorization: string | undefined, resolveActor: ResolveActor): Promise<Denial | null> {
  const token = bearerToken(authorization);
  const actor = token ? await resolveActor(token) : null;
  if (!actor) {
    return {
      type: 'about:blank',
      title: 'Sign in first',
      status: 401,
      code: 'auth.required',
      detail: 'send the session token as "Authorization: Bearer <token>"',
    };
  }
  if (actor.role !== 'operator') {
    return {
      type: 'about:blank',
      title: 'Operators only',
      status: 403,
      code: 'access.denied',
      detail: `the queue dashboard is not open to the ${actor.role} role`,
    };
  }
  return null;
}

export const operatorsOnly =
  (resolveActor: ResolveActor): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    dashboardDenial(req.headers.authorization, resolveActor).then((denial) => {
      if (!denial) return next();
      res.status(denial.status).type('application/problem+json').send(JSON.stringify(denial));
    }, next);
  };

/**
 * Mounts bull-board at /admin/queues behind `operatorsOnly` when the queue is BullMQ; the in-process queue has no
 * dashboard (its jobs are rows in the read db). Returns whether it mounted. Call before `app.listen()`.
 */
export async function mountQueuesDashboard(app: INestApplication, queue: JobQueue, resolveActor: ResolveActor): Promise<boolean> {
  if (!(queue instanceof BullmqJobQueue)) return false;
  // Loaded here, not at the top: bull-board is slow to load, and the embedded default never needs it.
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({ queues: queue.bullQueues().map((q) => new BullMQAdapter(q)), serverAdapter });
  app.use(QUEUES_DASHBOARD_PATH, operatorsOnly(resolveActor), serverAdapter.getRouter());
  return true;
}
