import { ForbiddenException, Injectable, Logger, NotFoundException, Optional } from '@nestjs/common';
import { Actor, Forbidden, NotFound, RefusalOf, Role, conflictOf, cycleOf, normalizeEmail, policyByVersion } from '@cert/domain';
import { IdentityStore } from '@cert/identity';
import { NOTIFICATION_ID } from '../notifications/notification-id.pipe';
import type { ApplicationSummaryView } from '@cert/contracts';
import {
  LogRunner,
  ReadDb,
  assignmentOf,
  conflictTargetsOf,
  getApplication,
  isAskedToConfirm,
  isBlindReview,
  notificationRecipient,
} from '@cert/projections';

/**
 * The one access policy: every request is decided here, from the actor's role AND the resource it names,
 * before any command runs. Controllers name an action (`@Access('application.read')`); this table says who may do
 * it and what they must hold on the application. docs/DOMAIN.md, Who uses it:
 * - applicants reach only their own applications, nominators only the acknowledgement of theirs;
 * - reviewers only applications assigned to them and never one they have a conflict with;
 * - board members see scores and decide; auditors read everything and change nothing;
 * - operators run the service and do not read application contents.
 *
 * A refusal answers 404 when the actor may not know the resource exists (so probing reveals nothing, not even
 * through a stale If-Match), 403 when they do (wrong role, a nominator writing, a reviewer released or conflicted),
 * and is logged with actor, role, route and reason.
 */

/**
 * What an actor holds on one application:
 * - `full`: all of it (the leader named on the survey; staff, board, auditors);
 * - `acknowledgement`: that it was received (who nominated or submitted it for someone else);
 * - `review`: what an assigned reviewer without a conflict needs;
 * - `confirmer`: a reviewer asked to confirm its yearly progress update, not assigned to it: that update's evidence only;
 * - `known`: knows it exists and no more (a reviewer released from it or in conflict with it) → 403;
 * - `none`: may not know it exists → 404.
 */
export type Standing = 'full' | 'acknowledgement' | 'review' | 'confirmer' | 'known' | 'none';

export type Rule = {
  roles: readonly Role[];
  /** The route's `:id` is an application, and the actor must hold one of these on it. */
  application?: readonly Standing[];
  /** The route's `:notificationId` must be one of the actor's own notifications. */
  notification?: true;
};

export const EVERY_ROLE = ['applicant', 'staff', 'reviewer', 'board', 'auditor', 'operator'] as const;
const OWNER: readonly Standing[] = ['full'];
const READERS: readonly Standing[] = ['full', 'review'];

export const POLICY = {
  'applications.submit': { roles: ['applicant'] },
  'applications.list': { roles: ['applicant', 'staff', 'board', 'auditor'] },
  'application.read': { roles: ['applicant', 'reviewer', 'staff', 'board', 'auditor'], application: ['full', 'acknowledgement', 'review'] },
  'application.timeline': { roles: ['applicant', 'reviewer', 'staff', 'board', 'auditor'], application: READERS },
  'application.assessment.read': { roles: ['applicant', 'reviewer', 'staff', 'board', 'auditor'], application: READERS },
  'application.assessment.write': { roles: ['applicant'], application: OWNER },
  // docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: only the leader the survey names
  // claims a nomination of them and changes their answers; a nominator may not.
  'application.survey.amend': { roles: ['applicant'], application: OWNER },
  'application.nomination.claim': { roles: ['applicant'], application: OWNER },
  'application.duplicate.dismiss': { roles: ['staff'], application: OWNER },
  // docs/DOMAIN.md, Evidence: documents are read by whoever may read the assessment (a reviewer assigned and not in
  // conflict, the board, staff, auditors, the leader); only the leader adds or removes them.
  // A reviewer asked to confirm a yearly update reads that update's documents (the controller keeps to them).
  'application.evidence.read': { roles: ['applicant', 'reviewer', 'staff', 'board', 'auditor'], application: [...READERS, 'confirmer'] },
  'application.evidence.write': { roles: ['applicant'], application: OWNER },
  'application.progress.write': { roles: ['applicant'], application: OWNER },
  // Yearly progress and renewal (apps/api/src/progress). A reviewer asked to confirm an update holds no review
  // standing on the application: the command answers 404 for anyone the request did not name.
  'application.progress.read': { roles: ['applicant', 'staff', 'board', 'auditor'], application: OWNER },
  'application.progress.confirmation.request': { roles: ['staff'], application: OWNER },
  'progress.confirm': { roles: ['reviewer'] },
  'reviewer.progress-confirmations': { roles: ['reviewer'] },
  'application.renewal.start': { roles: ['applicant', 'staff'], application: OWNER },
  'application.renewal-history': { roles: ['applicant', 'reviewer', 'staff', 'board', 'auditor'], application: READERS },
  'application.growth-report': { roles: ['applicant', 'staff', 'board', 'auditor'], application: OWNER },
  // docs/DOMAIN.md, Appeals: the leader named on the survey appeals (a nominator may not); staff route the appeal.
  'application.appeal.file': { roles: ['applicant'], application: OWNER },
  'application.appeal.route': { roles: ['staff'], application: OWNER },
  // Who's who: the leader opts in, changes or withdraws; staff, board and auditors may read the choice.
  'application.directory-listing.read': { roles: ['applicant', 'staff', 'board', 'auditor'], application: OWNER },
  'application.directory-listing.write': { roles: ['applicant'], application: OWNER },
  // The leader's credentials (wallet, JSON, PDF certificate); staff, the board and auditors may read them too.
  'application.credentials.read': { roles: ['applicant', 'staff', 'board', 'auditor'], application: OWNER },
  'application.screen': { roles: ['staff'], application: OWNER },
  'application.deadline.extend': { roles: ['staff'], application: OWNER },
  'review.assign': { roles: ['staff'], application: OWNER },
  'review.release': { roles: ['staff'], application: OWNER },
  'review.score': { roles: ['reviewer'], application: ['review'] },
  // A reviewer reads only their own scores there; staff, board and auditors every finished review.
  'review.scores.read': { roles: ['reviewer', 'staff', 'board', 'auditor'], application: READERS },
  'reviewer.assignments': { roles: ['reviewer'] },
  'reviewers.list': { roles: ['staff', 'board', 'auditor'] },
  'reviewer.conflicts.own': { roles: ['reviewer'] },
  'reviewer.conflicts.declare': { roles: ['reviewer'] },
  'reviewer.conflicts.withdraw': { roles: ['reviewer'] },
  'reviewer.conflicts.read': { roles: ['staff', 'auditor'] },
  'reviewer.conflicts.pin': { roles: ['staff'] },
  'cycle.settings.read': { roles: ['staff', 'board', 'auditor'] },
  'cycle.settings.write': { roles: ['staff'] },
  'board.queue': { roles: ['board', 'staff', 'auditor'] },
  'board.item': { roles: ['board', 'staff', 'auditor'], application: OWNER },
  'board.adjudicate': { roles: ['board'], application: OWNER },
  'board.decide': { roles: ['board'], application: OWNER },
  'rubric.read': { roles: EVERY_ROLE },
  'notifications.feed': { roles: EVERY_ROLE },
  // An auditor changes nothing, not even a read mark.
  'notifications.mark-read': { roles: ['applicant', 'reviewer', 'staff', 'board', 'operator'], notification: true },
  // Only the caller's own: the command reads their feed and the decider checks each one.
  'notifications.mark-all-read': { roles: ['applicant', 'reviewer', 'staff', 'board', 'operator'] },
  'session.read': { roles: EVERY_ROLE },
  'session.end': { roles: EVERY_ROLE },
  // Prometheus' scrape: operators, or the scraper's own METRICS_TOKEN (the guard turns it into an operator for this route only).
  'operations.metrics': { roles: ['operator'] },
  // Awards and the summit: applicants reach only their own nominations and invitations (the controller and
  // the decider filter by the leader's email); the board scores and selects; auditors read; operators nothing.
  'awards.cycles.list': { roles: ['applicant', 'staff', 'board', 'auditor'] },
  'awards.cycle.read': { roles: ['applicant', 'staff', 'board', 'auditor'] },
  'awards.cycle.open': { roles: ['staff'] },
  'awards.cycle.dates': { roles: ['staff'] },
  'awards.nominate': { roles: ['applicant', 'staff'] },
  'awards.score': { roles: ['board'] },
  'awards.scoring.close': { roles: ['staff', 'board'] },
  'awards.select': { roles: ['board'] },
  'awards.invitation.respond': { roles: ['applicant'] },
  'awards.mine': { roles: ['applicant'] },
  // People administration (docs/DOMAIN.md, Who uses it): staff invite and change people; auditors read the history.
  'people.list': { roles: ['staff'] },
  'people.invite': { roles: ['staff'] },
  'people.invitation.resend': { roles: ['staff'] },
  'people.role.change': { roles: ['staff'] },
  'people.deactivate': { roles: ['staff'] },
  'people.history': { roles: ['staff', 'auditor'] },
  // docs/DOMAIN.md, Deadlines: the timers and the work waiting, for staff to act on and auditors to check.
  'deadlines.overview': { roles: ['staff', 'auditor'] },
  'application.schedule': { roles: ['staff', 'auditor'], application: OWNER },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** What the policy found out while deciding, for the controller to shape its answer with (no second lookup). */
export type Grant = {
  actor: Actor;
  application?: ApplicationSummaryView;
  standing?: Standing;
  /** The actor is a reviewer of a cycle reviewed blind: no applicant identity. */
  blind: boolean;
  /** The actor is a reviewer who has not submitted their own scores: nothing derived from the others' scores. */
  sealed: boolean;
};

/** Where an actor stands on an application, why, and the refusal code a 403 names. */
type Found = { standing: Standing; reason: string; code?: RefusalOf<'Forbidden'>; grant: Partial<Grant> };

export type RequestFacts = { method: string; route: string; params: Record<string, string | undefined> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AccessPolicy {
  private readonly logger = new Logger('access');

  constructor(
    private readonly identity: IdentityStore,
    // Optional so the sign-in module can run on its own; a rule that needs the read models then fails closed.
    @Optional() private readonly readDb?: ReadDb,
    @Optional() private readonly runner?: LogRunner,
  ) {}

  /** Decides a request; a refusal is logged and thrown as 404 or 403. */
  async decide(actor: Actor, action: Action | readonly Role[], request: RequestFacts): Promise<Grant> {
    const rule: Rule = typeof action === 'string' ? POLICY[action] : { roles: action };
    const grant: Grant = { actor, blind: false, sealed: false };
    if (!rule.roles.includes(actor.role))
      this.deny(actor, request, 403, `the ${actor.role} role may not ${typeof action === 'string' ? action : 'use this route'}`);

    if (rule.application) {
      const id = request.params.id;
      // A malformed id is the validation pipe's to refuse (400): nothing is looked up, nothing is granted beyond it.
      if (!id || !UUID.test(id)) return grant;
      let found = await this.standingOn(actor, id);
      // The read models may trail the log by a moment (a survey just submitted): catch up before refusing.
      if (!rule.application.includes(found.standing) && this.runner) {
        await this.runner.catchUp().catch(() => undefined);
        found = await this.standingOn(actor, id);
      }
      if (!rule.application.includes(found.standing)) {
        // Beyond the update's evidence, a confirming reviewer stands as anyone unassigned: the application reads as missing.
        if (found.standing === 'none' || found.standing === 'confirmer') this.notFound(actor, request, 'application', id, found.reason);
        this.deny(actor, request, 403, found.reason, found.code);
      }
      Object.assign(grant, found.grant);
    }

    if (rule.notification) {
      const id = request.params.notificationId ?? '';
      if (!NOTIFICATION_ID.test(id)) return grant;
      let mine = this.ownsNotification(actor, id);
      if (!mine && this.runner) {
        await this.runner.catchUp().catch(() => undefined);
        mine = this.ownsNotification(actor, id);
      }
      // Someone else's notification reads as missing: its existence is not theirs to know.
      if (!mine) this.notFound(actor, request, 'notification', id, 'not a notification of this actor');
    }
    return grant;
  }

  /** For a reviewer's worklist: null for what they may no longer open (a conflict declared after assignment), else whether it is blind. */
  async reviewAccess(actor: Actor, applicationId: string): Promise<{ blind: boolean } | null> {
    const found = await this.standingOn(actor, applicationId);
    return found.standing === 'review' ? { blind: !!found.grant.blind } : null;
  }

  /** Logs a refusal decided elsewhere in the request (401 from the sign-in check) the same way. */
  logDenial(actor: Actor | null, request: RequestFacts, status: number, reason: string): void {
    this.logger.warn({
      msg: 'access denied',
      status,
      actorId: actor?.id ?? null,
      role: actor?.role ?? 'anonymous',
      route: `${request.method} ${request.route}`,
      reason,
    });
  }

  private async standingOn(actor: Actor, id: string): Promise<Found> {
    const db = this.readDb?.db;
    const app = db ? getApplication(db, id) : null;
    if (!db || !app) return { standing: 'none', reason: 'no such application', grant: {} };
    const none = (reason: string) => ({ standing: 'none' as const, reason, grant: {} });
    switch (actor.role) {
      case 'staff':
      case 'board':
      case 'auditor':
        return { standing: 'full', reason: '', grant: { application: app, standing: 'full' } };
      case 'applicant': {
        if (actor.email && normalizeEmail(actor.email) === app.applicantEmail)
          return { standing: 'full', reason: '', grant: { application: app, standing: 'full' } };
        if (app.submittedBy === actor.id || app.nominators.includes(actor.id)) {
          return {
            standing: 'acknowledgement',
            reason: 'a nominator sees only that the nomination was received',
            code: 'application.not_applicant',
            grant: { application: app, standing: 'acknowledgement' },
          };
        }
        return none('not an application of this applicant');
      }
      case 'reviewer': {
        const assignment = assignmentOf(db, id, actor.id);
        // docs/DOMAIN.md, Yearly progress: the request refused a conflicted reviewer already.
        if (assignment === null && isAskedToConfirm(db, id, actor.id))
          return {
            standing: 'confirmer',
            reason: 'a reviewer asked to confirm a progress update reads only its evidence',
            grant: { application: app, standing: 'confirmer', blind: false, sealed: true },
          };
        if (assignment === null) return none('not assigned to this reviewer');
        if (assignment === 'released')
          return { standing: 'known', reason: 'this reviewer was released from the application', code: 'review.not_assigned', grant: {} };
        const profile = await this.identity.findById(actor.id);
        const conflict = conflictOf(
          { id: app.id, institution: app.institutionName, region: app.region },
          {
            reviewerId: actor.id,
            institution: profile?.institution ?? null,
            region: profile?.region ?? null,
            declaredConflicts: conflictTargetsOf(db, actor.id),
            openAssignments: 0,
          },
          policyByVersion(app.policyVersion),
        );
        if (conflict)
          return { standing: 'known', reason: `conflict of interest (${conflict})`, code: 'review.conflict_of_interest', grant: {} };
        const blind = isBlindReview(db, cycleOf(app.submittedAt));
        return {
          standing: 'review',
          reason: '',
          grant: { application: app, standing: 'review', blind, sealed: assignment !== 'finished' },
        };
      }
      default:
        // Operators run the service; application contents are not theirs to read (and the role check refused them already).
        return none('this role reads no applications');
    }
  }

  private ownsNotification(actor: Actor, id: string): boolean {
    const recipient = this.readDb ? notificationRecipient(this.readDb.db, id) : null;
    if (!recipient) return false;
    return recipient.userId === actor.id || (!!actor.email && recipient.email === actor.email.toLowerCase());
  }

  private notFound(actor: Actor, request: RequestFacts, what: 'application' | 'notification', id: string, reason: string): never {
    this.logDenial(actor, request, 404, reason);
    // The error contract: reads answer resource.not_found, commands <what>.not_found naming the id asked for.
    throw SAFE.has(request.method) ? new NotFoundException(`${what} ${id} not found`) : new NotFound(what, id);
  }

  private deny(actor: Actor, request: RequestFacts, status: 403, reason: string, code?: RefusalOf<'Forbidden'>): never {
    this.logDenial(actor, request, status, reason);
    // Role refusals keep the framework's access.denied; a refusal about this resource names its reason.
    throw code ? new Forbidden(code, reason) : new ForbiddenException(reason);
  }
}
