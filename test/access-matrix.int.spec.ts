import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'supertest';
import { CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore, USER_ROLES, UserRole } from '@cert/identity';
import { LogRunner } from '@cert/projections';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * The access matrix: every role (anonymous, applicant, another applicant, nominator, reviewer, conflicted reviewer,
 * another reviewer, board, auditor, operator, staff) × every endpoint × someone else's resource, each answered as the
 * policy says. The matrix is generated from the route table, so a new endpoint without a policy fails the test.
 *
 * One fixture world: X is Alice's application, nominated again by Nina, reviewed by North and West and decided;
 * Carl was assigned to X too, declared a conflict (staff pinned it) and was released; East never reviewed X.
 * Z is Oscar's application, in screening. Every path names X (or something of Alice's), so for everyone but Alice
 * it is someone else's resource.
 *
 * The table states each route's roles (every actor whose role is outside them must get 403, anonymous and a forged
 * session 401) and, for every actor whose role is inside, the exact answer: 404 where the actor may not know the
 * resource exists, 403 where they know it but may not have it, and otherwise what the service says (a business
 * refusal such as 409 shows the request passed the access policy). An unstated cell fails the spec. Refusals write
 * nothing to the log.
 */

type Who =
  | 'anonymous'
  | 'forged'
  | 'applicant'
  | 'otherApplicant'
  | 'nominator'
  | 'reviewer'
  | 'conflictedReviewer'
  | 'otherReviewer'
  | 'board'
  | 'auditor'
  | 'operator'
  | 'staff'
  | 'spare';

/** The eleven actors above, in that order, plus a forged session. */
const ACTORS: Who[] = [
  'anonymous',
  'forged',
  'applicant',
  'otherApplicant',
  'nominator',
  'reviewer',
  'conflictedReviewer',
  'otherReviewer',
  'board',
  'auditor',
  'operator',
  'staff',
];
const ROLE_OF: Record<Exclude<Who, 'anonymous' | 'forged'>, UserRole> = {
  applicant: 'applicant',
  otherApplicant: 'applicant',
  nominator: 'applicant',
  reviewer: 'reviewer',
  conflictedReviewer: 'reviewer',
  otherReviewer: 'reviewer',
  board: 'board',
  auditor: 'auditor',
  operator: 'operator',
  staff: 'staff',
  spare: 'operator',
};

type Outcome = { status: number; code?: string; check?: (res: Response) => void };
/** A cell may be left unprobed only with the reason why. */
type Cell = number | Outcome | { skip: string };

type Route = {
  /** Who may call it: 'public' (probed anonymously) or the roles; every other role must get 403. */
  allow: 'public' | readonly UserRole[];
  params?: () => Record<string, string>;
  body?: (who: Who) => object | Promise<object>;
  /** The answer for each actor whose role is allowed; `others` for the allowed actors not named. */
  as: Partial<Record<Who, Cell>>;
  others?: Cell;
};

const READERS = ['applicant', 'staff', 'board', 'auditor'] as const;
const APPLICATION_READERS = ['applicant', 'reviewer', 'staff', 'board', 'auditor'] as const;
const EVERYONE = USER_ROLES;
const PASSWORD = 'correct horse battery staple';
const NOT_FOUND = { status: 404, code: 'application.not_found' };
const NOT_APPLICANT = { status: 403, code: 'application.not_applicant' };
const RELEASED = { status: 403, code: 'review.not_assigned' };
const LOGOUT_SKIP = { skip: 'logging out would end the session the other probes use; the spare session shows it' };

let t: TestApp;
let X: string; // Alice's application, decided: every route has something to show or refuse
let Z: string; // Oscar's application, still in screening
const who: Partial<Record<Who, Session>> = {};
let west: Session;
let aliceNotification: string; // a notification Alice received about X
let carlConflict: string; // Carl's conflict with X, pinned by staff
let eastThrowaway: string; // a conflict staff pinned for East, for staff to withdraw
let aliceNomination: string; // X nominated by Alice for the 2026 award cycle
let xCredential: string; // the uuid of the credential issued for X's designation

const ids = (items: { id?: string; applicationId?: string }[]) => items.map((i) => i.id ?? i.applicationId);

const ROUTES: Record<string, Route> = {
  'POST /applications': {
    allow: ['applicant'],
    // Oscar sends his own survey again: recognised, nothing written. Alice and Nina may submit surveys too; theirs here
    // is refused by validation (a real one would start or join an application, and mail people while the probes run).
    body: (w) => ({
      ...surveyFor('Oscar Owens', 'oscar@elsewhere.org', 'Elsewhere Academy'),
      ...(w === 'otherApplicant' ? {} : { yearsRunning: -1 }),
    }),
    as: {
      otherApplicant: {
        status: 201,
        check: (r) => expect(r.body).toEqual(expect.objectContaining({ applicationId: Z, duplicate: true, events: [] })),
      },
      applicant: { status: 400, code: 'request.invalid' },
      nominator: { status: 400, code: 'request.invalid' },
    },
  },
  'GET /applications': {
    allow: READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.map((i: { application?: { id: string } }) => i.application?.id)).toContain(X) },
      otherApplicant: {
        status: 200,
        check: (r) => expect(r.body.map((i: { application?: { id: string } }) => i.application?.id)).toEqual([Z]),
      },
      nominator: {
        status: 200,
        check: (r) =>
          expect(r.body).toContainEqual({ role: 'nominator', nomination: expect.not.objectContaining({ status: expect.anything() }) }),
      },
      staff: { status: 200, check: (r) => expect(ids(r.body.items)).toEqual(expect.arrayContaining([X, Z])) },
    },
    others: 200,
  },
  'GET /applications/{id}': {
    allow: APPLICATION_READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ id: X, status: 'Decided' })) },
      otherApplicant: 404,
      nominator: { status: 200, check: (r) => expect(Object.keys(r.body).sort()).toEqual(['id', 'received', 'reference', 'submittedAt']) },
      reviewer: {
        status: 200,
        check: (r) => expect(r.body.reviewers).toEqual([expect.objectContaining({ reviewerId: who.reviewer!.id })]),
      },
      conflictedReviewer: RELEASED,
      otherReviewer: 404,
    },
    others: 200,
  },
  'GET /applications/{id}/timeline': {
    allow: APPLICATION_READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.every((e: object) => !('actorId' in e))).toBe(true) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
      reviewer: { status: 200, check: (r) => expect(r.body.every((e: object) => !('actorId' in e))).toBe(true) },
      conflictedReviewer: RELEASED,
      otherReviewer: 404,
    },
    others: 200,
  },
  'GET /applications/{id}/assessment': {
    allow: APPLICATION_READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body).toHaveLength(CODES.length) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
      reviewer: 200,
      conflictedReviewer: RELEASED,
      otherReviewer: 404,
    },
    others: 200,
  },
  'PUT /applications/{id}/assessment/draft': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(3, CODES.slice(0, 2)) }),
    as: { applicant: { status: 409, code: 'assessment.not_open' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'POST /applications/{id}/assessment': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(3) }),
    as: { applicant: { status: 409, code: 'assessment.not_open' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  // docs/DOMAIN.md, Evidence: read like the assessment; only the leader adds or removes, and X is decided, so its
  // draft is closed. An id that names no document of X answers 404 to everyone who may read X.
  'GET /applications/{id}/evidence': {
    allow: APPLICATION_READERS,
    as: { applicant: 200, otherApplicant: 404, nominator: NOT_APPLICANT, reviewer: 200, conflictedReviewer: RELEASED, otherReviewer: 404 },
    others: 200,
  },
  'GET /applications/{id}/evidence/policy': {
    allow: ['applicant'],
    as: {
      applicant: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ maxFileBytes: 20 * 1024 * 1024 })) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
  },
  'POST /applications/{id}/evidence/documents': {
    allow: ['applicant'],
    // No query naming the indicator: refused by validation, after the access policy let the leader through.
    as: { applicant: { status: 400, code: 'request.invalid' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'POST /applications/{id}/evidence/links': {
    allow: ['applicant'],
    body: () => ({ purpose: 'assessment', indicator: CODES[0], url: 'https://riverside.edu/minutes' }),
    as: { applicant: { status: 409, code: 'assessment.not_open' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'DELETE /applications/{id}/evidence/{evidenceId}': {
    allow: ['applicant'],
    params: () => ({ evidenceId: '0d6f1c1e-5b7a-4c1e-9a55-2f1d7d3c9b10' }),
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.events).toEqual([]) },
      otherApplicant: NOT_FOUND,
      nominator: NOT_APPLICANT,
    },
  },
  'GET /applications/{id}/evidence/{evidenceId}': {
    allow: APPLICATION_READERS,
    params: () => ({ evidenceId: '0d6f1c1e-5b7a-4c1e-9a55-2f1d7d3c9b10' }),
    as: { otherApplicant: 404, nominator: NOT_APPLICANT, conflictedReviewer: RELEASED, otherReviewer: 404 },
    others: { status: 404, code: 'evidence.not_found' },
  },
  // docs/DOMAIN.md, The lifecycle, step 1: only the leader changes the survey or claims a nomination of them; X is
  // decided, so its survey was screened long ago, and it was Alice's own application, not a nomination to claim.
  'PUT /applications/{id}/survey': {
    allow: ['applicant'],
    body: () => surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy'),
    as: { applicant: { status: 409, code: 'survey.already_screened' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'POST /applications/{id}/claim': {
    allow: ['applicant'],
    body: () => ({ ...surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy'), yearsRunning: 9 }),
    as: { applicant: { status: 409, code: 'nomination.not_pending' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'POST /applications/{id}/not-duplicates': {
    allow: ['staff'],
    body: () => ({ otherApplicationId: Z }),
    as: { staff: { status: 200, check: (r) => expect(r.body.events).toEqual(['DuplicateDismissed']) } },
  },
  'POST /applications/{id}/screening/accept': {
    allow: ['staff'],
    as: { staff: { status: 409, code: 'survey.not_in_screening' } },
  },
  'POST /applications/{id}/screening/reject': {
    allow: ['staff'],
    body: () => ({ reason: 'The program has not started yet.' }),
    as: { staff: { status: 409, code: 'survey.not_in_screening' } },
  },
  'POST /applications/{id}/deadline-extensions': {
    allow: ['staff'],
    body: () => ({ dueAt: '2026-05-01T09:00:00.000Z', reason: 'The district calendar moved' }),
    as: { staff: { status: 409, code: 'assessment.not_extendable' } },
  },
  'POST /applications/{id}/progress-updates': {
    allow: ['applicant'],
    body: () => ({ ratings: ratings(4) }),
    // X was designated today: the first update's window opens 90 days before it is due (2027-03-02), so Alice passes
    // the policy and meets that rule (test/progress-renewal.int.spec.ts takes updates inside the window).
    as: {
      applicant: { status: 409, code: 'progress.window_not_open', check: (r) => expect(r.body.detail).toContain('opens on 2026-12-02') },
      otherApplicant: NOT_FOUND,
      nominator: NOT_APPLICANT,
    },
  },
  // Yearly progress and renewal (apps/api/src/progress).
  'GET /applications/{id}/progress': {
    allow: READERS,
    as: {
      applicant: {
        status: 200,
        check: (r) =>
          expect(r.body.designation).toEqual(expect.objectContaining({ outcome: 'ProgramOfExcellence', termEndsAt: expect.any(String) })),
      },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  'POST /applications/{id}/progress/confirmation-requests': {
    allow: ['staff'],
    // Staff's request is refused by validation: a real one would write and mail while the probes run.
    body: (w) => ({ reviewerId: w === 'staff' ? 'not-a-reviewer' : who.otherReviewer!.id }),
    as: { staff: { status: 400, code: 'request.invalid' } },
  },
  'POST /applications/{id}/progress/confirmation': {
    // No reviewer was asked to confirm X: for every reviewer it reads as missing; North's empty answer fails validation first.
    allow: ['reviewer'],
    body: (w) => ({ verdicts: w === 'reviewer' ? [] : CODES.map((indicator) => ({ indicator, verdict: 'confirmed', comment: '' })) }),
    as: { reviewer: { status: 400, code: 'request.invalid' } },
    others: NOT_FOUND,
  },
  'GET /reviewers/me/progress-confirmations': {
    allow: ['reviewer'],
    as: {},
    others: { status: 200, check: (r) => expect(r.body).toEqual([]) },
  },
  'POST /applications/{id}/renewal': {
    allow: ['applicant', 'staff'],
    // X was designated today: renewal opens in the term's last year, so the applicant and staff pass the policy and meet that rule.
    as: { otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
    others: { status: 409, code: 'renewal.not_open_yet' },
  },
  'GET /applications/{id}/renewal-history': {
    allow: APPLICATION_READERS,
    // X renews nothing: whoever may read it learns just that.
    as: { otherApplicant: 404, nominator: NOT_APPLICANT, conflictedReviewer: RELEASED, otherReviewer: 404 },
    others: { status: 404, code: 'resource.not_found' },
  },
  // docs/DOMAIN.md, Appeals. X's appeal window is open, so Alice's probe sends a statement too short to file (a real appeal
  // would move X out of Decided under the other probes); the appeal itself is test/appeals.int.spec.ts's.
  'POST /applications/{id}/appeals': {
    allow: ['applicant'],
    body: (w) => ({ statement: w === 'applicant' ? 'Too short.' : 'The reviewers did not see the robotics evidence we uploaded.' }),
    as: { applicant: { status: 400, code: 'request.invalid' }, otherApplicant: NOT_FOUND, nominator: NOT_APPLICANT },
  },
  'POST /applications/{id}/appeals/route': {
    allow: ['staff'],
    body: () => ({ route: 'fresh-review' }),
    as: { staff: { status: 409, code: 'appeal.not_filed' } },
  },
  'GET /applications/{id}/growth-report': {
    allow: READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.items).toHaveLength(CODES.length) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  // Who's who: X is designated, so Alice's opt-in is recorded, then withdrawn (rows run in this order).
  'GET /applications/{id}/directory-listing': {
    allow: READERS,
    as: {
      applicant: {
        status: 200,
        check: (r) => expect(r.body).toEqual(expect.objectContaining({ designation: expect.objectContaining({ standing: 'active' }) })),
      },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  // docs/DOMAIN.md, Verifiable credentials: the leader's wallet and downloads; staff, the board and auditors read them too.
  'GET /applications/{id}/credentials': {
    allow: READERS,
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.items).toEqual([expect.objectContaining({ status: 'active' })]) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  'GET /applications/{id}/credentials/{credentialId}.json': {
    allow: READERS,
    params: () => ({ credentialId: xCredential }),
    as: {
      applicant: { status: 200, check: (r) => expect(r.headers['content-type']).toMatch(/^application\/ld\+json/) },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  'GET /applications/{id}/credentials/{credentialId}.pdf': {
    allow: READERS,
    params: () => ({ credentialId: xCredential }),
    as: {
      applicant: { status: 200, check: (r) => expect(r.headers['content-type']).toBe('application/pdf') },
      otherApplicant: 404,
      nominator: NOT_APPLICANT,
    },
    others: 200,
  },
  'PUT /applications/{id}/directory-listing': {
    allow: ['applicant'],
    body: () => ({ fields: ['institution', 'country'] }),
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.events).toEqual(['DirectoryListingPublished']) },
      otherApplicant: NOT_FOUND,
      nominator: NOT_APPLICANT,
    },
  },
  'DELETE /applications/{id}/directory-listing': {
    allow: ['applicant'],
    as: {
      applicant: { status: 200, check: (r) => expect(r.body.events).toEqual(['DirectoryListingWithdrawn']) },
      otherApplicant: NOT_FOUND,
      nominator: NOT_APPLICANT,
    },
  },
  // Awards and the summit: the 2026 cycle is open with X nominated by Alice. Applicants see only their own
  // nominations; the board scores and selects; auditors read; operators and reviewers nothing.
  'GET /award-cycles': {
    allow: ['applicant', 'staff', 'board', 'auditor'],
    as: {},
    others: { status: 200, check: (r) => expect(r.body.map((c: { year: number }) => c.year)).toEqual([2026]) },
  },
  'POST /award-cycles': {
    allow: ['staff'],
    body: () => ({
      year: 2026,
      awardsAvailable: 1,
      nominationsCloseAt: '2026-03-20T09:00:00.000Z',
      rsvpBy: '2026-04-10T09:00:00.000Z',
      summit: { startsAt: '2026-04-24T18:00:00.000Z', place: 'Washington, DC' },
    }),
    as: { staff: { status: 409, code: 'award.cycle_exists' } },
  },
  'GET /award-cycles/{year}': {
    allow: ['applicant', 'staff', 'board', 'auditor'],
    params: () => ({ year: '2026' }),
    as: {
      applicant: {
        status: 200,
        check: (r) => expect(r.body.nominations).toEqual([expect.objectContaining({ nominationId: aliceNomination, applicationId: X })]),
      },
      otherApplicant: { status: 200, check: (r) => expect(r.body.nominations).toEqual([]) },
      nominator: { status: 200, check: (r) => expect(r.body.nominations).toEqual([]) },
    },
    others: {
      status: 200,
      check: (r) => expect(r.body.nominations).toEqual([expect.objectContaining({ nominationId: aliceNomination, scores: [] })]),
    },
  },
  'POST /award-cycles/{year}/dates': {
    // The 2026 cycle's summit cannot move into 2027: the request passed the access policy and the decider refused it.
    allow: ['staff'],
    params: () => ({ year: '2026' }),
    body: () => ({ summitStartsAt: '2027-01-15T18:00:00.000Z', reason: 'Probing who may move the dates.' }),
    as: { staff: { status: 422, code: 'award.summit_outside_year' } },
  },
  'POST /award-cycles/{year}/nominations': {
    allow: ['applicant', 'staff'],
    params: () => ({ year: '2026' }),
    body: () => ({ applicationId: X, teachers: [], portfolios: [] }),
    as: { otherApplicant: NOT_FOUND, nominator: NOT_FOUND },
    others: { status: 409, code: 'award.already_nominated' },
  },
  'POST /award-cycles/{year}/nominations/{nominationId}/scores': {
    allow: ['board'],
    params: () => ({ year: '2026', nominationId: aliceNomination }),
    body: () => ({ scores: [{ criterion: 'leadership', level: 4 }] }),
    as: { board: { status: 422, code: 'award.scores_invalid' } },
  },
  'POST /award-cycles/{year}/scoring/close': {
    allow: ['staff', 'board'],
    params: () => ({ year: '2026' }),
    as: {},
    others: { status: 409, code: 'award.nominations_still_open' },
  },
  'POST /award-cycles/{year}/selection': {
    allow: ['board'],
    params: () => ({ year: '2026' }),
    body: () => ({ nominationIds: [aliceNomination] }),
    as: { board: { status: 409, code: 'award.scoring_open' } },
  },
  'POST /award-cycles/{year}/invitations/{nominationId}/response': {
    // Not selected yet: there is no invitation, for Alice or anyone else.
    allow: ['applicant'],
    params: () => ({ year: '2026', nominationId: aliceNomination }),
    body: () => ({ accept: true }),
    as: {},
    others: { status: 404, code: 'award-invitation.not_found' },
  },
  'GET /me/award-invitations': {
    allow: ['applicant'],
    as: {
      applicant: {
        status: 200,
        check: (r) => expect(r.body).toEqual([expect.objectContaining({ nominationId: aliceNomination, invitation: null })]),
      },
      otherApplicant: { status: 200, check: (r) => expect(r.body).toEqual([]) },
      nominator: { status: 200, check: (r) => expect(r.body).toEqual([]) },
    },
  },
  'GET /me/notifications': {
    allow: EVERYONE,
    as: {
      applicant: {
        status: 200,
        check: (r) =>
          expect(r.body.items.length > 0 && r.body.items.every((i: { applicationId: string }) => i.applicationId === X)).toBe(true),
      },
      otherApplicant: {
        status: 200,
        check: (r) => expect(r.body.items.every((i: { applicationId: string }) => i.applicationId === Z)).toBe(true),
      },
    },
    others: 200,
  },
  'POST /me/notifications/{notificationId}/read': {
    // An auditor changes nothing, not even a read mark; anybody else's notification reads as missing.
    allow: ['applicant', 'reviewer', 'staff', 'board', 'operator'],
    as: { applicant: 200 },
    others: { status: 404, code: 'notification.not_found' },
  },
  'POST /me/notifications/read-all': {
    // Each caller marks only their own (test/notifications-read-all.int.spec.ts); a repeat marks nothing.
    allow: ['applicant', 'reviewer', 'staff', 'board', 'operator'],
    as: { applicant: { status: 200, check: (r) => expect(r.body.marked).toEqual(expect.any(Number)) } },
    others: 200,
  },
  'POST /applications/{id}/reviewers': {
    allow: ['staff'],
    body: () => ({ mode: 'manual', reviewerIds: [who.otherReviewer!.id] }),
    as: { staff: { status: 409, code: 'review.not_open' } },
  },
  'POST /applications/{id}/reviewers/{reviewerId}/release': {
    allow: ['staff'],
    body: () => ({ reason: 'A conflict came to light' }),
    as: { staff: { status: 409, code: 'review.already_finished' } },
  },
  'PUT /applications/{id}/scores/draft': {
    allow: ['reviewer'],
    body: () => ({ scores: scores(3).slice(0, 2) }),
    as: { reviewer: { status: 409, code: 'review.scores_locked' }, conflictedReviewer: RELEASED, otherReviewer: NOT_FOUND },
  },
  'POST /applications/{id}/scores': {
    allow: ['reviewer'],
    body: () => ({ scores: scores(3), recommendation: 'CharterMembership' }),
    as: { reviewer: { status: 409, code: 'review.scores_locked' }, conflictedReviewer: RELEASED, otherReviewer: NOT_FOUND },
  },
  'GET /applications/{id}/scores': {
    allow: ['reviewer', 'staff', 'board', 'auditor'],
    as: {
      // A reviewer sees only their own scores; staff see every finished review.
      reviewer: { status: 200, check: (r) => expect(r.body).toHaveLength(CODES.length) },
      conflictedReviewer: RELEASED,
      otherReviewer: 404,
      staff: {
        status: 200,
        check: (r) => expect(r.body.map((v: { reviewerId: string }) => v.reviewerId).sort()).toEqual([who.reviewer!.id, west.id].sort()),
      },
    },
    others: 200,
  },
  'GET /reviewers/me/assignments': {
    allow: ['reviewer'],
    as: {
      reviewer: { status: 200, check: (r) => expect(ids(r.body)).toEqual([X]) },
      conflictedReviewer: { status: 200, check: (r) => expect(r.body).toEqual([]) },
      otherReviewer: { status: 200, check: (r) => expect(r.body).toEqual([]) },
    },
  },
  'GET /reviewers/me/conflicts': {
    allow: ['reviewer'],
    as: {
      reviewer: { status: 200, check: (r) => expect(r.body).toEqual([]) },
      conflictedReviewer: {
        status: 200,
        check: (r) => expect(r.body).toEqual([expect.objectContaining({ applicationId: X, pinned: true })]),
      },
      otherReviewer: 200,
    },
  },
  'POST /reviewers/me/conflicts': {
    allow: ['reviewer'],
    body: () => ({ institution: 'Faraway Academy', reason: 'A former colleague leads it.' }),
    as: {},
    others: { status: 201, check: (r) => expect(r.body.released).toEqual([]) },
  },
  'DELETE /reviewers/me/conflicts/{conflictId}': {
    allow: ['reviewer'],
    params: () => ({ conflictId: carlConflict }),
    // Carl's own, pinned by staff; for anyone else that id is not one of their conflicts.
    as: { conflictedReviewer: { status: 403, code: 'conflict.pinned' } },
    others: { status: 404, code: 'conflict.not_found' },
  },
  'GET /reviewers': {
    allow: ['staff', 'board', 'auditor'],
    as: { staff: { status: 200, check: (r) => expect(r.body).toHaveLength(4) } },
    others: 200,
  },
  'GET /reviewers/{reviewerId}/conflicts': {
    allow: ['staff', 'auditor'],
    params: () => ({ reviewerId: who.conflictedReviewer!.id }),
    as: {
      staff: {
        status: 200,
        check: (r) =>
          expect(r.body).toContainEqual(
            expect.objectContaining({ conflictId: carlConflict, applicationId: X, pinned: true, declaredBy: 'staff' }),
          ),
      },
    },
    others: 200,
  },
  'POST /reviewers/{reviewerId}/conflicts': {
    allow: ['staff'],
    params: () => ({ reviewerId: who.otherReviewer!.id }),
    body: () => ({ institution: 'Throwaway Academy', reason: 'Pinned by staff again.' }),
    as: { staff: { status: 201, check: (r) => expect(r.body.events).toEqual([]) } },
  },
  'DELETE /reviewers/{reviewerId}/conflicts/{conflictId}': {
    allow: ['staff'],
    params: () => ({ reviewerId: who.otherReviewer!.id, conflictId: eastThrowaway }),
    as: { staff: { status: 200, check: (r) => expect(r.body.events).toEqual(['ConflictWithdrawn']) } },
  },
  'GET /review-cycles/{cycle}': {
    allow: ['staff', 'board', 'auditor'],
    params: () => ({ cycle: '2026' }),
    as: {},
    others: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ cycle: '2026', blindReview: false })) },
  },
  'PUT /review-cycles/{cycle}': {
    allow: ['staff'],
    params: () => ({ cycle: '2031' }),
    body: () => ({ blindReview: false }),
    as: { staff: { status: 200, check: (r) => expect(r.body.events).toEqual([]) } },
  },
  'GET /board/queue': {
    allow: ['board', 'staff', 'auditor'],
    as: { board: { status: 200, check: (r) => expect(ids(r.body)).toEqual([X]) } },
    others: 200,
  },
  'GET /board/queue/{id}': {
    allow: ['board', 'staff', 'auditor'],
    as: { board: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ applicationId: X, status: 'Decided' })) } },
    others: 200,
  },
  'POST /applications/{id}/adjudication': {
    allow: ['board'],
    body: () => ({ rulings: [{ indicator: CODES[0], level: 3 }], justification: 'The evidence supports level 3.' }),
    as: { board: { status: 409, code: 'adjudication.not_needed' } },
  },
  'POST /applications/{id}/decision': {
    allow: ['board'],
    body: () => ({ outcome: 'ProgramOfExcellence' }),
    as: { board: { status: 409, code: 'decision.already_recorded' } },
  },
  'GET /rubrics/{version}': { allow: EVERYONE, params: () => ({ version: CURRENT_RUBRIC_VERSION }), as: {}, others: 200 },
  'GET /policies/{version}': { allow: EVERYONE, params: () => ({ version: CURRENT_POLICY_VERSION }), as: {}, others: 200 },
  // The auditor reads and verifies everything and changes nothing; the rebuild check compares, never swaps.
  'GET /audit/head': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.text).toMatch(/^\d+:[0-9a-f]{64}$/) } },
  },
  'GET /audit/verify': { allow: ['auditor'], as: { auditor: { status: 200, check: (r) => expect(r.body.ok).toBe(true) } } },
  'GET /audit/applications/{id}/verify': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.ok).toBe(true) } },
  },
  'GET /audit/applications/{id}/history': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body[0].type).toBe('SurveySubmitted') } },
  },
  'GET /audit/applications/{id}/state': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.state.id).toBe(X) } },
  },
  'GET /audit/applications/{id}/decision/reproduce': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.reproduced).toBe(true) } },
  },
  'GET /audit/applications/{id}/reviewer-view/{reviewerId}': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.moment.scored).toBe(true) } },
  },
  'GET /audit/applications/{id}/record-of-reasons': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ applicationId: X, standing: 'open' })) } },
  },
  'GET /audit/applications/{id}/report': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.decision.outcome).toBe('ProgramOfExcellence') } },
  },
  'GET /audit/applications/{id}/report.pdf': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.headers['content-type']).toBe('application/pdf') } },
  },
  'GET /audit/applications/{id}/export.json': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.scope).toEqual({ applicationId: X }) } },
  },
  'GET /audit/applications/{id}/export.csv': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.headers['content-type']).toMatch(/^text\/csv/) } },
  },
  'GET /audit/export.json': {
    allow: ['auditor'],
    as: { auditor: { status: 200, check: (r) => expect(r.body.events.length).toBeGreaterThan(0) } },
  },
  'GET /audit/export.csv': { allow: ['auditor'], as: { auditor: 200 } },
  'POST /audit/rebuild-check': { allow: ['auditor', 'operator'], as: { auditor: 200, operator: 200 } },
  'GET /audit/checkpoints': { allow: ['auditor', 'operator'], as: { auditor: 200, operator: 200 } },
  'GET /metrics': {
    allow: ['operator'],
    as: { operator: { status: 200, check: (r) => expect(r.text).toMatch(/^# HELP iasl_commands_total /m) } },
  },
  // Erasure is staff's; an account that holds an office is refused (so the probe erases nothing).
  'POST /privacy/erasures': {
    allow: ['staff'],
    body: () => ({ email: 'board@iasl.org' }),
    as: { staff: { status: 422, code: 'privacy.account_in_office' } },
  },
  'GET /health': { allow: 'public', as: { anonymous: 200 } },
  // The who's who is public; it holds only what leaders opted in to show.
  'GET /directory': {
    allow: 'public',
    as: { anonymous: { status: 200, check: (r) => expect(r.body).toEqual(expect.objectContaining({ entries: expect.any(Array) })) } },
  },
  'GET /directory/books/{year}.pdf': {
    allow: 'public',
    params: () => ({ year: '2026' }),
    as: { anonymous: { status: 200, check: (r) => expect(r.headers['content-type']).toBe('application/pdf') } },
  },
  // Verification is for anyone holding a credential, without an account.
  'GET /credentials/issuer': {
    allow: 'public',
    as: { anonymous: { status: 200, check: (r) => expect(r.body.assertionMethod).toHaveLength(1) } },
  },
  'GET /credentials/status/{purpose}': {
    allow: 'public',
    params: () => ({ purpose: 'revocation' }),
    as: { anonymous: { status: 200, check: (r) => expect(r.body.type).toContain('BitstringStatusListCredential') } },
  },
  'POST /credentials/verify': {
    allow: 'public',
    body: () => ({ credential: { id: 'urn:uuid:not-issued' } }),
    as: { anonymous: { status: 200, check: (r) => expect(r.body.verdict).toBe('forged') } },
  },
  'GET /credentials/{credentialId}/verification': {
    allow: 'public',
    params: () => ({ credentialId: xCredential }),
    as: { anonymous: { status: 200, check: (r) => expect(r.body.verdict).toBe('valid') } },
  },
  'POST /auth/login': {
    allow: 'public',
    body: () => ({ email: 'pager@iasl.org', password: PASSWORD }),
    as: { anonymous: 200 },
  },
  'POST /auth/email-link': {
    allow: 'public',
    body: () => ({ email: 'alice@riverside.edu' }),
    as: { anonymous: 202 },
  },
  'POST /auth/email-link/redeem': {
    allow: 'public',
    body: async () => {
      await t.http().post('/auth/email-link').send({ email: 'alice@riverside.edu' }).expect(202);
      return { token: /token=([A-Za-z0-9_-]+)/.exec(t.mailer.to('alice@riverside.edu').at(-1)!.text)![1] };
    },
    as: { anonymous: 200 },
  },
  'POST /auth/password': {
    allow: 'public',
    body: async () => {
      const identity = t.get(IdentityStore);
      return {
        token: (await identity.issueOneTimeToken('set-password', (await identity.findByEmail('pager@iasl.org'))!, 60_000)).token,
        password: PASSWORD,
      };
    },
    as: { anonymous: 204 },
  },
  'POST /auth/password-reset': {
    allow: 'public',
    body: () => ({ email: 'pager@iasl.org' }),
    as: { anonymous: 202 },
  },
  'GET /auth/csrf': {
    allow: 'public',
    as: { anonymous: { status: 200, check: (r) => expect(r.body.csrfToken).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{64}$/) } },
  },
  'GET /auth/me': {
    allow: EVERYONE,
    as: { auditor: { status: 200, check: (r) => expect(r.body.role).toBe('auditor') } },
    others: 200,
  },
  // People administration: staff only (the history also for auditors). Each probe is one the fixture survives:
  // an email already taken, an active account's invitation, staff's own role and standing.
  'GET /people': {
    allow: ['staff'],
    as: { staff: { status: 200, check: (r) => expect(ids(r.body)).toContain(who.board!.id) } },
  },
  'POST /people/invitations': {
    allow: ['staff'],
    body: () => ({ email: who.board!.email, name: 'Someone Else', role: 'board' }),
    as: { staff: { status: 409, code: 'account.email_taken' } },
  },
  'POST /people/{id}/invitation': {
    allow: ['staff'],
    params: () => ({ id: who.board!.id }),
    as: { staff: { status: 409, code: 'account.already_active' } },
  },
  'PUT /people/{id}/role': {
    allow: ['staff'],
    params: () => ({ id: who.staff!.id }),
    body: () => ({ role: 'auditor', reason: 'Moving to the audit team.' }),
    as: { staff: { status: 403, code: 'account.self' } },
  },
  'POST /people/{id}/deactivation': {
    allow: ['staff'],
    params: () => ({ id: who.staff!.id }),
    body: () => ({ reason: 'Leaving at the end of the month.' }),
    as: { staff: { status: 403, code: 'account.self' } },
  },
  'GET /people/{id}/history': {
    allow: ['staff', 'auditor'],
    params: () => ({ id: who.board!.id }),
    as: { staff: { status: 200, check: (r) => expect(r.body).toEqual([]) } },
    others: 200,
  },
  'GET /deadlines': {
    allow: ['staff', 'auditor'],
    as: {
      staff: {
        status: 200,
        check: (r) => expect(r.body).toEqual(expect.objectContaining({ withinDays: 14, needsAction: expect.any(Array) })),
      },
    },
    others: 200,
  },
  'GET /applications/{id}/schedule': {
    allow: ['staff', 'auditor'],
    as: {
      staff: {
        status: 200,
        check: (r) =>
          expect(r.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: X, kind: 'appeal-window' })])),
      },
    },
    others: 200,
  },
  'POST /auth/logout': {
    allow: EVERYONE,
    // A session of its own, so the fixture's sessions stay valid.
    as: { spare: 204 },
    others: LOGOUT_SKIP,
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

function request(route: string, actor: Who, body?: object, params: Record<string, string> = {}) {
  const [method, template] = route.split(' ');
  const values: Record<string, string> = { id: X, reviewerId: who.reviewer!.id, notificationId: aliceNotification, ...params };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `missing-${name}`);
  let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path);
  if (actor === 'forged') req = req.set({ Authorization: 'Bearer forged-0000000000000000000000000000' });
  else if (actor !== 'anonymous') req = req.set(who[actor]!.auth);
  return body === undefined ? req : req.send(body);
}

type Probe = { who: Who; expect: Cell };

/** The matrix: every actor × this route, each with the answer the policy gives. */
function cells(spec: Route): Probe[] {
  if (spec.allow === 'public') return Object.entries(spec.as).map(([w, expect]) => ({ who: w as Who, expect }));
  const allowed = spec.allow;
  const probes = ACTORS.map((w): Probe => {
    if (w === 'anonymous' || w === 'forged') return { who: w, expect: { status: 401, code: 'auth.required' } };
    if (!allowed.includes(ROLE_OF[w])) return { who: w, expect: { status: 403, code: 'access.denied' } };
    return { who: w, expect: spec.as[w] ?? spec.others ?? { skip: 'UNSTATED' } };
  });
  // Extra actors (the spare session) named by the route.
  const extra = Object.entries(spec.as)
    .filter(([w]) => !ACTORS.includes(w as Who))
    .map(([w, expect]) => ({ who: w as Who, expect }));
  return [...probes, ...extra];
}

const outcome = (cell: Cell): Outcome | null => (typeof cell === 'number' ? { status: cell } : 'skip' in cell ? null : cell);
const isRefusal = (o: Outcome) =>
  [401, 403, 404].includes(o.status) &&
  (o.code === undefined ||
    /^(auth\.required|access\.denied|application\.not_found|application\.not_applicant|review\.not_assigned|review\.conflict_of_interest|notification\.not_found)$/.test(
      o.code,
    ));
const head = () =>
  t
    .get(EventStore)
    .head()
    .then((h) => h?.position ?? null);

describe('access matrix: every role × every route × someone else’s resource', () => {
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
    who.otherReviewer = await signInWithPassword(t, 'reviewer', 'east@review.org', { institution: 'East University', region: 'Kenya' });
    who.conflictedReviewer = await signInWithPassword(t, 'reviewer', 'carl@review.org', { institution: 'Carl College', region: 'Peru' });
    west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute', region: 'Chile' });
    who.applicant = await signInByEmail(t, 'alice@riverside.edu');
    who.otherApplicant = await signInByEmail(t, 'oscar@elsewhere.org');
    who.nominator = await signInByEmail(t, 'nina@parents.org');
    const { staff, board, applicant, nominator, otherApplicant, reviewer, conflictedReviewer, otherReviewer } = who as Record<Who, Session>;

    // X: Alice's application, nominated a second time by Nina, taken all the way to a decision.
    const survey = surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy');
    X = (await t.http().post('/applications').set(applicant.auth).send(survey).expect(201)).body.applicationId;
    // Duplicates are found in the read model, so it must have seen X before Nina's nomination arrives.
    await t.get(LogRunner).catchUp();
    const linked = await t
      .http()
      .post('/applications')
      .set(nominator.auth)
      .send({ ...survey, asNominator: true })
      .expect(201);
    expect(linked.body).toEqual({ applicationId: X, position: expect.any(String), nomination: true });
    await t.http().post(`/applications/${X}/screening/accept`).set(staff.auth).expect(200);
    await t
      .http()
      .post(`/applications/${X}/assessment`)
      .set(applicant.auth)
      .send({ ratings: ratings(4) })
      .expect(201);
    await t
      .http()
      .post(`/applications/${X}/reviewers`)
      .set(staff.auth)
      .send({ mode: 'manual', reviewerIds: [reviewer.id, west.id, conflictedReviewer.id] })
      .expect(201);
    await t.get(LogRunner).catchUp();
    // Carl declares a conflict with X and is released from it; staff pin it.
    const declared = await t
      .http()
      .post('/reviewers/me/conflicts')
      .set(conflictedReviewer.auth)
      .send({ applicationId: X, reason: 'The leader is my former student.' })
      .expect(201);
    expect(declared.body.released).toEqual([X]);
    carlConflict = declared.body.conflictId;
    await t
      .http()
      .post(`/reviewers/${conflictedReviewer.id}/conflicts`)
      .set(staff.auth)
      .send({ applicationId: X, reason: 'Confirmed by staff.' })
      .expect(201);
    eastThrowaway = (
      await t
        .http()
        .post(`/reviewers/${otherReviewer.id}/conflicts`)
        .set(staff.auth)
        .send({ institution: 'Throwaway Academy', reason: 'To be withdrawn.' })
        .expect(201)
    ).body.conflictId;
    for (const r of [reviewer, west]) {
      await t
        .http()
        .post(`/applications/${X}/scores`)
        .set(r.auth)
        .send({ scores: scores(4), recommendation: 'ProgramOfExcellence' })
        .expect(201);
    }
    await t.http().post(`/applications/${X}/decision`).set(board.auth).send({ outcome: 'ProgramOfExcellence' }).expect(200);
    // The 2026 award cycle is open and Alice has nominated X (her designated program).
    await t
      .http()
      .post('/award-cycles')
      .set(staff.auth)
      .send({
        year: 2026,
        awardsAvailable: 1,
        nominationsCloseAt: '2026-03-20T09:00:00.000Z',
        rsvpBy: '2026-04-10T09:00:00.000Z',
        summit: { startsAt: '2026-04-24T18:00:00.000Z', place: 'Washington, DC' },
      })
      .expect(201);
    aliceNomination = (
      await t
        .http()
        .post('/award-cycles/2026/nominations')
        .set(applicant.auth)
        .send({ applicationId: X, teachers: [], portfolios: [] })
        .expect(201)
    ).body.nominationId;

    // Z: Oscar's own application, waiting for screening.
    const z = await t
      .http()
      .post('/applications')
      .set(otherApplicant.auth)
      .send(surveyFor('Oscar Owens', 'oscar@elsewhere.org', 'Elsewhere Academy'))
      .expect(201);
    Z = z.body.applicationId;

    // The work side sends its notifications now, so nothing moves the log while the probes run.
    await settle(t);
    const feed = await t.http().get('/me/notifications').set(applicant.auth).expect(200);
    aliceNotification = feed.body.items[0].notificationId;
    xCredential = (await t.http().get(`/applications/${X}/credentials`).set(applicant.auth).expect(200)).body.items[0].credentialId.replace(
      'urn:uuid:',
      '',
    );
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

  it('states every cell: each of the eleven actors (and a forged session) on each closed route', () => {
    const unstated = Object.keys(ROUTES).flatMap((r) =>
      cells(ROUTES[r])
        .filter((c) => 'skip' in Object(c.expect) && (c.expect as { skip: string }).skip === 'UNSTATED')
        .map((c) => `${r} as ${c.who}`),
    );
    expect(unstated).toEqual([]);
    const closed = Object.keys(ROUTES).filter((r) => ROUTES[r].allow !== 'public');
    const probed = closed.flatMap((r) => cells(ROUTES[r]).filter((c) => outcome(c.expect) !== null));
    const skipped = closed.flatMap((r) => cells(ROUTES[r]).filter((c) => outcome(c.expect) === null));
    // Every closed route refuses somebody and lets somebody through.
    const withoutRefusal = closed.filter(
      (r) =>
        !cells(ROUTES[r]).some((c) => {
          const o = outcome(c.expect);
          return o && isRefusal(o);
        }),
    );
    const withoutAllowed = Object.keys(ROUTES).filter(
      (r) =>
        !cells(ROUTES[r]).some((c) => {
          const o = outcome(c.expect);
          return o && !isRefusal(o);
        }),
    );
    expect({ withoutRefusal, withoutAllowed }).toEqual({ withoutRefusal: [], withoutAllowed: [] });
    expect(probed.length).toBeGreaterThanOrEqual(closed.length * ACTORS.length - skipped.length);
    const publicCells = Object.keys(ROUTES).filter((r) => ROUTES[r].allow === 'public').length;
    console.info(
      `access matrix: ${Object.keys(ROUTES).length} routes (${closed.length} closed × ${ACTORS.length} actors, ${publicCells} public); ${probed.length + publicCells} cells probed, ${skipped.length} left out with a reason`,
    );
    // Sign-in, health, the public who's who and credential verification are the only doors open to everyone.
    expect(
      Object.keys(ROUTES)
        .filter((r) => ROUTES[r].allow === 'public')
        .sort(),
    ).toEqual([
      'GET /auth/csrf',
      'GET /credentials/issuer',
      'GET /credentials/status/{purpose}',
      'GET /credentials/{credentialId}/verification',
      'GET /directory',
      'GET /directory/books/{year}.pdf',
      'GET /health',
      'POST /auth/email-link',
      'POST /auth/email-link/redeem',
      'POST /auth/login',
      'POST /auth/password',
      'POST /auth/password-reset',
      'POST /credentials/verify',
    ]);
  });

  describe('refused', () => {
    it.each(Object.keys(ROUTES).filter((r) => ROUTES[r].allow !== 'public'))('%s', async (route) => {
      const spec = ROUTES[route];
      for (const probe of cells(spec)) {
        const expected = outcome(probe.expect);
        if (!expected || !isRefusal(expected)) continue;
        const before = await head();
        const res = await request(route, probe.who, await spec.body?.(probe.who), spec.params?.());
        expect({ who: probe.who, status: res.status, code: res.body.code }).toEqual({
          who: probe.who,
          status: expected.status,
          code: expected.code ?? res.body.code,
        });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        // A refusal writes nothing.
        expect({ who: probe.who, head: await head() }).toEqual({ who: probe.who, head: before });
      }
    });

    it('an auditor is refused on every write route outside sign-in, and the log did not move across all refusals', async () => {
      const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
      const writes = Object.entries(document.paths)
        .flatMap(([path, item]) =>
          HTTP_METHODS.filter((m) => m !== 'get' && m !== 'head' && (item as Record<string, unknown>)[m]).map(
            (m) => `${m.toUpperCase()} ${path}`,
          ),
        )
        .filter((route) => !route.includes(' /auth/') && !['POST /audit/rebuild-check', 'POST /credentials/verify'].includes(route)); // the rebuild check compares and verification checks: neither writes
      expect(writes.length).toBeGreaterThanOrEqual(18);
      for (const route of writes) {
        const res = await request(route, 'auditor', await ROUTES[route]?.body?.('auditor'), ROUTES[route]?.params?.());
        expect({ route, status: res.status }).toEqual({ route, status: 403 });
      }
      expect(await head()).toBe(headAfterFixture);
    });

    it('an operator reads no application contents', async () => {
      const reads = Object.keys(ROUTES).filter((r) => r.startsWith('GET /applications') || r.startsWith('GET /board/'));
      expect(reads.length).toBeGreaterThanOrEqual(8);
      for (const route of reads)
        expect({ route, status: (await request(route, 'operator', undefined, ROUTES[route].params?.())).status }).toEqual({
          route,
          status: 403,
        });
    });
  });

  describe('allowed', () => {
    it.each(Object.keys(ROUTES))('%s', async (route) => {
      const spec = ROUTES[route];
      for (const probe of cells(spec)) {
        const expected = outcome(probe.expect);
        if (!expected || isRefusal(expected)) continue;
        const res = await request(route, probe.who, await spec.body?.(probe.who), spec.params?.());
        expect({ who: probe.who, status: res.status, code: res.body?.code }).toEqual({
          who: probe.who,
          status: expected.status,
          code: expected.code ?? res.body?.code,
        });
        expected.check?.(res);
      }
    });
  });
});
