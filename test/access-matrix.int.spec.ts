import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'supertest';
import { CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore, USER_ROLES, UserRole } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Issue: "Every endpoint checks role and ownership: an applicant reaches only their own applications, a reviewer only
 * their assignments, an auditor only reads." One fixture world, then a table with a row for every route the OpenAPI
 * document lists; a documented route without a row fails this spec, so a new endpoint cannot ship without its access test.
 *
 * Every row states the intended policy (DOMAIN.md, Who uses it) independently of the controllers' @Allow: anonymous and
 * forged sessions get 401, every role outside `allow` gets 403, the actors in `notTheirs` hold the right role but not
 * the application (404 on reads, so its existence is not revealed; 403 from the decider on writes), and every actor in
 * `ok` passes the access checks (its status may still be a business refusal such as 409, never 401/403/404).
 */

type Who =
  | 'anonymous' | 'forged'
  | 'applicant' | 'otherApplicant' | 'nominator'
  | 'reviewer' | 'unassignedReviewer'
  | 'staff' | 'board' | 'auditor' | 'operator'
  | 'spare';

type Probe = { who: Who; status: number; code?: string; check?: (res: Response) => void };

type Route = {
  /** Who may call it: 'public' or the roles (every other role must get 403). */
  allow: 'public' | readonly UserRole[];
  params?: Record<string, string>;
  body?: () => object | Promise<object>;
  /** Right role, wrong application. */
  notTheirs?: Probe[];
  ok: [Probe, ...Probe[]];
};

const ACCESS_REFUSALS = [401, 403, 404];
const READERS = ['applicant', 'staff', 'board', 'auditor'] as const;
const EVERYONE = USER_ROLES;
/** The role's representative: the applicant owns X, the reviewer is assigned to X, so a 403 is about the role alone. */
const ROLE_ACTOR: Record<UserRole, Who> = {
  applicant: 'applicant', reviewer: 'reviewer', staff: 'staff', board: 'board', auditor: 'auditor', operator: 'operator',
};
const PASSWORD = 'correct horse battery staple';

let t: TestApp;
let X: string; // Alice's application, decided: every route has something to show or refuse
let Z: string; // Oscar's application, still in screening
const who: Partial<Record<Who, Session>> = {};
let reviewerC: Session;
let aliceNotification: string; // a notification Alice received about X

const ids = (items: { id?: string; applicationId?: string }[]) => items.map((i) => i.id ?? i.applicationId);

const ROUTES: Record<string, Route> = {
  'POST /applications': {
    allow: ['applicant'],
    body: () => surveyFor('Oscar Owens', 'oscar@elsewhere.org', 'Elsewhere Academy'),
    // Oscar sends his own survey again: recognised as the same nomination, nothing written.
    ok: [{ who: 'otherApplicant', status: 201, check: (r) => expect(r.body).toEqual(expect.objectContaining({ applicationId: Z, duplicate: true, events: [] })) }],
  },
  'GET /applications': {
    allow: READERS,
    ok: [
      {
        who: 'otherApplicant', status: 200,
        check: (r) => expect(r.body.map((i: { application?: { id: string } }) => i.application?.id)).toEqual([Z]),
      },
      {
        who: 'nominator', status: 200,
        check: (r) => expect(r.body).toEqual([{ role: 'nominator', nomination: expect.not.objectContaining({ status: expect.anything() }) }]),
      },
      { who: 'staff', status: 200, check: (r) => expect(ids(r.body.items)).toEqual(expect.arrayContaining([X, Z])) },
    ],
  },
  'GET /applications/{id}': {
    allow: ['applicant', 'reviewer', 'staff', 'board', 'auditor'],
    notTheirs: [{ who: 'otherApplicant', status: 404 }, { who: 'unassignedReviewer', status: 404 }],
    ok: [
      { who: 'applicant', status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ id: X, status: 'Decided' })) },
      { who: 'nominator', status: 200, check: (r) => expect(Object.keys(r.body).sort()).toEqual(['id', 'received', 'reference', 'submittedAt']) },
      { who: 'reviewer', status: 200 },
      { who: 'auditor', status: 200 },
    ],
  },
  'GET /applications/{id}/timeline': {
    allow: READERS,
    notTheirs: [{ who: 'otherApplicant', status: 404 }, { who: 'nominator', status: 404 }],
    ok: [
      { who: 'applicant', status: 200, check: (r) => expect(r.body.every((e: object) => !('actorId' in e))).toBe(true) },
      { who: 'auditor', status: 200 },
    ],
  },
  'GET /applications/{id}/assessment': {
    allow: ['applicant', 'reviewer', 'staff', 'board', 'auditor'],
    notTheirs: [{ who: 'otherApplicant', status: 404 }, { who: 'nominator', status: 404 }, { who: 'unassignedReviewer', status: 404 }],
    ok: [
      { who: 'applicant', status: 200, check: (r) => expect(r.body).toHaveLength(CODES.length) },
      { who: 'reviewer', status: 200 },
    ],
  },
  'PUT /applications/{id}/assessment/draft': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(3, CODES.slice(0, 2)) }),
    notTheirs: [
      { who: 'otherApplicant', status: 403, code: 'application.not_applicant' },
      { who: 'nominator', status: 403, code: 'application.not_applicant' },
    ],
    ok: [{ who: 'applicant', status: 409, code: 'assessment.not_open' }],
  },
  'POST /applications/{id}/assessment': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(3) }),
    notTheirs: [
      { who: 'otherApplicant', status: 403, code: 'application.not_applicant' },
      { who: 'nominator', status: 403, code: 'application.not_applicant' },
    ],
    ok: [{ who: 'applicant', status: 409, code: 'assessment.not_open' }],
  },
  'POST /applications/{id}/screening/accept': {
    allow: ['staff'],
    ok: [{ who: 'staff', status: 409, code: 'survey.not_in_screening' }],
  },
  'POST /applications/{id}/screening/reject': {
    allow: ['staff'],
    body: () => ({ reason: 'The program has not started yet.' }),
    ok: [{ who: 'staff', status: 409, code: 'survey.not_in_screening' }],
  },
  'POST /applications/{id}/deadline-extensions': {
    allow: ['staff'],
    body: () => ({ dueAt: '2026-05-01T09:00:00.000Z', reason: 'The district calendar moved' }),
    ok: [{ who: 'staff', status: 409, code: 'assessment.not_extendable' }],
  },
  'GET /me/notifications': {
    allow: EVERYONE,
    ok: [
      { who: 'applicant', status: 200, check: (r) => expect(r.body.items.length > 0 && r.body.items.every((i: { applicationId: string }) => i.applicationId === X)).toBe(true) },
      { who: 'otherApplicant', status: 200, check: (r) => expect(r.body.items.every((i: { applicationId: string }) => i.applicationId === Z)).toBe(true) },
    ],
  },
  'POST /me/notifications/{notificationId}/read': {
    allow: ['applicant', 'reviewer', 'staff', 'board', 'operator'],
    notTheirs: [{ who: 'otherApplicant', status: 404, code: 'notification.not_found' }, { who: 'staff', status: 404, code: 'notification.not_found' }],
    ok: [{ who: 'applicant', status: 200 }],
  },
  'POST /applications/{id}/progress-updates': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(4) }),
    notTheirs: [{ who: 'otherApplicant', status: 403, code: 'application.not_applicant' }, { who: 'nominator', status: 403, code: 'application.not_applicant' }],
    ok: [{ who: 'applicant', status: 201, check: (r) => expect(r.body.events).toEqual(['ProgressUpdateSubmitted']) }],
  },
  'GET /applications/{id}/growth-report': {
    allow: READERS,
    notTheirs: [{ who: 'otherApplicant', status: 404 }, { who: 'nominator', status: 404 }],
    ok: [{ who: 'applicant', status: 200, check: (r) => expect(r.body.items).toHaveLength(CODES.length) }, { who: 'board', status: 200 }],
  },
  'POST /applications/{id}/reviewers': {
    allow: ['staff'],
    body: () => ({ mode: 'manual', reviewerIds: [who.unassignedReviewer!.id] }),
    ok: [{ who: 'staff', status: 409, code: 'review.not_open' }],
  },
  'POST /applications/{id}/reviewers/{reviewerId}/release': {
    allow: ['staff'],
    body: () => ({ reason: 'A conflict came to light' }),
    ok: [{ who: 'staff', status: 409, code: 'review.already_finished' }],
  },
  'PUT /applications/{id}/scores/draft': {
    allow: ['reviewer'],
    body: () => ({ scores: scores(3).slice(0, 2) }),
    notTheirs: [{ who: 'unassignedReviewer', status: 403, code: 'review.not_assigned' }],
    ok: [{ who: 'reviewer', status: 409, code: 'review.scores_locked' }],
  },
  'POST /applications/{id}/scores': {
    allow: ['reviewer'],
    body: () => ({ scores: scores(3), recommendation: 'CharterMembership' }),
    notTheirs: [{ who: 'unassignedReviewer', status: 403, code: 'review.not_assigned' }],
    ok: [{ who: 'reviewer', status: 409, code: 'review.scores_locked' }],
  },
  'GET /applications/{id}/scores': {
    allow: ['reviewer', 'staff', 'board', 'auditor'],
    notTheirs: [{ who: 'unassignedReviewer', status: 404 }],
    ok: [
      // A reviewer sees only their own scores; staff see every finished review.
      { who: 'reviewer', status: 200, check: (r) => expect(r.body).toHaveLength(CODES.length) },
      { who: 'staff', status: 200, check: (r) => expect(r.body.map((v: { reviewerId: string }) => v.reviewerId).sort()).toEqual([who.reviewer!.id, reviewerC.id].sort()) },
    ],
  },
  'GET /reviewers/me/assignments': {
    allow: ['reviewer'],
    ok: [
      { who: 'reviewer', status: 200, check: (r) => expect(ids(r.body)).toEqual([X]) },
      { who: 'unassignedReviewer', status: 200, check: (r) => expect(r.body).toEqual([]) },
    ],
  },
  'GET /reviewers': {
    allow: ['staff', 'board', 'auditor'],
    ok: [{ who: 'staff', status: 200, check: (r) => expect(r.body).toHaveLength(3) }],
  },
  'GET /board/queue': {
    allow: ['board', 'staff', 'auditor'],
    ok: [{ who: 'board', status: 200, check: (r) => expect(ids(r.body)).toEqual([X]) }],
  },
  'GET /board/queue/{id}': {
    allow: ['board', 'staff', 'auditor'],
    ok: [{ who: 'board', status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ applicationId: X, status: 'Decided' })) }],
  },
  'POST /applications/{id}/adjudication': {
    allow: ['board'],
    body: () => ({ rulings: [{ indicator: CODES[0], level: 3 }], justification: 'The evidence supports level 3.' }),
    ok: [{ who: 'board', status: 409, code: 'adjudication.not_needed' }],
  },
  'POST /applications/{id}/decision': {
    allow: ['board'],
    body: () => ({ outcome: 'ProgramOfExcellence' }),
    ok: [{ who: 'board', status: 409, code: 'decision.already_recorded' }],
  },
  'GET /rubrics/{version}': {
    allow: EVERYONE,
    params: { version: CURRENT_RUBRIC_VERSION },
    ok: [{ who: 'operator', status: 200 }, { who: 'applicant', status: 200 }],
  },
  'GET /policies/{version}': {
    allow: EVERYONE,
    params: { version: CURRENT_POLICY_VERSION },
    ok: [{ who: 'operator', status: 200 }, { who: 'reviewer', status: 200 }],
  },
  // Issue 5: the auditor reads and verifies everything and changes nothing; the rebuild check compares, never swaps.
  'GET /audit/head': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.text).toMatch(/^\d+:[0-9a-f]{64}$/) }] },
  'GET /audit/verify': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.ok).toBe(true) }] },
  'GET /audit/applications/{id}/verify': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.ok).toBe(true) }] },
  'GET /audit/applications/{id}/history': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body[0].type).toBe('SurveySubmitted') }] },
  'GET /audit/applications/{id}/state': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.state.id).toBe(X) }] },
  'GET /audit/applications/{id}/decision/reproduce': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.reproduced).toBe(true) }] },
  'GET /audit/applications/{id}/reviewer-view/{reviewerId}': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.moment.scored).toBe(true) }] },
  'GET /audit/applications/{id}/report': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.decision.outcome).toBe('ProgramOfExcellence') }] },
  'GET /audit/applications/{id}/report.pdf': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.headers['content-type']).toBe('application/pdf') }] },
  'GET /audit/applications/{id}/export.json': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.scope).toEqual({ applicationId: X }) }] },
  'GET /audit/applications/{id}/export.csv': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.headers['content-type']).toMatch(/^text\/csv/) }] },
  'GET /audit/export.json': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.events.length).toBeGreaterThan(0) }] },
  'GET /audit/export.csv': { allow: ['auditor'], ok: [{ who: 'auditor', status: 200 }] },
  'POST /audit/rebuild-check': { allow: ['auditor', 'operator'], ok: [{ who: 'auditor', status: 200 }, { who: 'operator', status: 200 }] },
  'GET /health': {
    allow: 'public',
    ok: [{ who: 'anonymous', status: 200 }],
  },
  'POST /auth/login': {
    allow: 'public',
    body: () => ({ email: 'pager@iasl.org', password: PASSWORD }),
    ok: [{ who: 'anonymous', status: 200 }],
  },
  'POST /auth/email-link': {
    allow: 'public',
    body: () => ({ email: 'alice@riverside.edu' }),
    ok: [{ who: 'anonymous', status: 202 }],
  },
  'POST /auth/email-link/redeem': {
    allow: 'public',
    body: async () => {
      await t.http().post('/auth/email-link').send({ email: 'alice@riverside.edu' }).expect(202);
      return { token: /token=([A-Za-z0-9_-]+)/.exec(t.mailer.to('alice@riverside.edu').at(-1)!.text)![1] };
    },
    ok: [{ who: 'anonymous', status: 200 }],
  },
  'POST /auth/password': {
    allow: 'public',
    body: () => {
      const identity = t.get(IdentityStore);
      return { token: identity.issueOneTimeToken('set-password', identity.findByEmail('pager@iasl.org')!, 60_000).token, password: PASSWORD };
    },
    ok: [{ who: 'anonymous', status: 204 }],
  },
  'GET /auth/me': {
    allow: EVERYONE,
    ok: [{ who: 'auditor', status: 200, check: (r) => expect(r.body.role).toBe('auditor') }],
  },
  'POST /auth/logout': {
    allow: EVERYONE,
    // A session of its own, so the fixture's sessions stay valid.
    ok: [{ who: 'spare', status: 204 }],
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

function request(route: string, actor: Who, body?: object, params: Record<string, string> = {}) {
  const [method, template] = route.split(' ');
  const values: Record<string, string> = { id: X, reviewerId: who.reviewer!.id, notificationId: aliceNotification, ...params };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `missing-${name}`);
  let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put'](path);
  if (actor === 'forged') req = req.set({ Authorization: 'Bearer forged-0000000000000000000000000000' });
  else if (actor !== 'anonymous') req = req.set(who[actor]!.auth);
  return body === undefined ? req : req.send(body);
}

/** Every probe a route must refuse: anonymous, a forged token, each role outside its policy, and the right role on the wrong application. */
function refusals(spec: Route): Probe[] {
  if (spec.allow === 'public') return [];
  const allowed = spec.allow;
  const byRole = USER_ROLES.filter((role) => !allowed.includes(role)).map((role): Probe => ({ who: ROLE_ACTOR[role], status: 403 }));
  return [{ who: 'anonymous', status: 401 }, { who: 'forged', status: 401 }, ...byRole, ...(spec.notTheirs ?? [])];
}

const head = () => t.get(EventStore).headPosition();

describe('access matrix: every route checks role and ownership', () => {
  let headAfterFixture: string | null;

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    who.staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    who.board = await signInWithPassword(t, 'board', 'board@iasl.org');
    who.auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    who.operator = await signInWithPassword(t, 'operator', 'operator@iasl.org');
    // Setting a password ends the account's other sessions, so the spare session (for logout) and the account that
    // the sign-in routes exercise are accounts of their own.
    who.spare = await signInWithPassword(t, 'operator', 'night-ops@iasl.org');
    await signInWithPassword(t, 'operator', 'pager@iasl.org');
    who.reviewer = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College', region: 'Ontario' });
    who.unassignedReviewer = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    reviewerC = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    who.applicant = await signInByEmail(t, 'alice@riverside.edu');
    who.otherApplicant = await signInByEmail(t, 'oscar@elsewhere.org');
    who.nominator = await signInByEmail(t, 'nina@parents.org');
    const { staff, board, applicant, nominator, otherApplicant, reviewer } = who as Record<Who, Session>;

    // X: Alice's application, nominated a second time by Nina, taken all the way to a decision.
    const survey = surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy');
    X = (await t.http().post('/applications').set(applicant.auth).send(survey).expect(201)).body.applicationId;
    // Duplicates are found in the read model, so it must have seen X before Nina's nomination arrives.
    await t.get(LogRunner).catchUp();
    const linked = await t.http().post('/applications').set(nominator.auth).send({ ...survey, asNominator: true }).expect(201);
    expect(linked.body).toEqual(expect.objectContaining({ applicationId: X, duplicate: true, events: ['NominationLinked'] }));
    await t.http().post(`/applications/${X}/screening/accept`).set(staff.auth).expect(200);
    await t.http().post(`/applications/${X}/assessment`).set(applicant.auth).send({ ratings: ratings(4) }).expect(201);
    await t.http().post(`/applications/${X}/reviewers`).set(staff.auth).send({ mode: 'manual', reviewerIds: [reviewer.id, reviewerC.id] }).expect(201);
    for (const r of [reviewer, reviewerC]) {
      await t.http().post(`/applications/${X}/scores`).set(r.auth).send({ scores: scores(4), recommendation: 'ProgramOfExcellence' }).expect(201);
    }
    await t.http().post(`/applications/${X}/decision`).set(board.auth).send({ outcome: 'ProgramOfExcellence' }).expect(200);

    // Z: Oscar's own application, waiting for screening.
    const z = await t.http().post('/applications').set(otherApplicant.auth).send(surveyFor('Oscar Owens', 'oscar@elsewhere.org', 'Elsewhere Academy')).expect(201);
    Z = z.body.applicationId;

    // The work side sends its notifications now, so nothing moves the log while the probes run.
    await settle(t);
    const feed = await t.http().get('/me/notifications').set(applicant.auth).expect(200);
    aliceNotification = feed.body.items[0].notificationId;
    headAfterFixture = await head();
  });

  afterAll(() => t?.close());

  it('has a row for every route in the OpenAPI document, and no row for a route that is not there', () => {
    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((route) => !(route in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('gives every closed route at least one refused actor, and every route an allowed one', () => {
    const closedWithoutRefusal = Object.keys(ROUTES).filter((r) => ROUTES[r].allow !== 'public' && refusals(ROUTES[r]).length === 0);
    const withoutAllowed = Object.keys(ROUTES).filter((r) => ROUTES[r].ok.length === 0);
    expect({ closedWithoutRefusal, withoutAllowed }).toEqual({ closedWithoutRefusal: [], withoutAllowed: [] });
    // Sign-in and health are the only doors open to everyone.
    expect(Object.keys(ROUTES).filter((r) => ROUTES[r].allow === 'public').sort()).toEqual(
      ['GET /health', 'POST /auth/email-link', 'POST /auth/email-link/redeem', 'POST /auth/login', 'POST /auth/password'],
    );
  });

  describe('refused', () => {
    it.each(Object.keys(ROUTES).filter((r) => ROUTES[r].allow !== 'public'))('%s', async (route) => {
      const spec = ROUTES[route];
      const body = await spec.body?.();
      for (const probe of refusals(spec)) {
        const before = await head();
        const res = await request(route, probe.who, body, spec.params);
        expect({ who: probe.who, status: res.status }).toEqual({ who: probe.who, status: probe.status });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        if (probe.code) expect(res.body.code).toBe(probe.code);
        // A refusal writes nothing.
        expect({ who: probe.who, head: await head() }).toEqual({ who: probe.who, head: before });
      }
    });

    it('an auditor is refused on every write route outside sign-in, and the log did not move across all refusals', async () => {
      const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
      const writes = Object.entries(document.paths).flatMap(([path, item]) =>
        HTTP_METHODS.filter((m) => m !== 'get' && m !== 'head' && (item as Record<string, unknown>)[m]).map((m) => `${m.toUpperCase()} ${path}`),
      ).filter((route) => !route.includes(' /auth/') && route !== 'POST /audit/rebuild-check'); // the rebuild check compares, writes nothing
      expect(writes.length).toBeGreaterThanOrEqual(12);
      for (const route of writes) {
        const res = await request(route, 'auditor', await ROUTES[route]?.body?.(), ROUTES[route]?.params);
        expect({ route, status: res.status }).toEqual({ route, status: 403 });
      }
      expect(await head()).toBe(headAfterFixture);
    });
  });

  describe('allowed', () => {
    it.each(Object.keys(ROUTES))('%s', async (route) => {
      const spec = ROUTES[route];
      for (const probe of spec.ok) {
        const res = await request(route, probe.who, await spec.body?.(), spec.params);
        expect({ who: probe.who, status: res.status, refusedAccess: ACCESS_REFUSALS.includes(res.status) }).toEqual({
          who: probe.who, status: probe.status, refusedAccess: false,
        });
        if (probe.code) expect(res.body.code).toBe(probe.code);
        probe.check?.(res);
      }
    });
  });
});
