import { InvalidState, RuleViolation } from '../../errors';
import { dayOf, isPast } from '../../time';
import { FileAppeal, RouteAppeal } from '../application.commands';
import { AppealFiled, AppealRouted, ApplicationEvent } from '../application.events';
import { Application, OpenApplication } from '../application.state';
import { AppealedDecision } from '../application.types';
import { pins, requireApplicant, requireOpen } from './guards';

/*
 * docs/DOMAIN.md, Appeals: an appeal within a window. One appeal per decision, filed by the applicant with a
 * statement before the recorded `appealUntil`; staff route it to a fresh review (new reviewers only:
 * decide/review.ts) or to the board. Either way it ends in a decision of its own, recorded through recordDecision
 * with `appealOf` naming the first; both stay in the log. The appeal's decision is final at once: there is no appeal
 * of an appeal, so a dispute cannot cycle and the designation it grants starts on a settled footing.
 */

export const fileAppeal = ({ data, metadata }: FileAppeal, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  const decision = app.decision;
  // One appeal per decision; a later decision (a renewal's) may be appealed again, the appeal's own decision never.
  if (app.appeal && app.appeal.status !== 'decided')
    throw new InvalidState(
      'appeal.already_filed',
      app.status,
      { filedAt: app.appeal.filedAt },
      `an appeal of this decision was filed on ${dayOf(app.appeal.filedAt)}; one appeal per decision`,
    );
  if (app.status !== 'Decided' || !decision)
    throw new InvalidState('appeal.no_decision', app.status, {}, `there is no decision to appeal: the application is ${app.status}`);
  if (app.appeal?.decidedAt === decision.decidedAt)
    throw new InvalidState(
      'appeal.appeal_decision_final',
      app.status,
      { appealOf: app.appeal.appealOf },
      `this decision of ${dayOf(decision.decidedAt)} was made on appeal, and an appeal decision cannot be appealed again`,
    );
  if (decision.final)
    throw new InvalidState(
      'appeal.decision_final',
      app.status,
      { appealUntil: decision.appealUntil },
      `the appeal window closed on ${dayOf(decision.appealUntil)}; the decision is final`,
    );
  // docs/DOMAIN.md, Deadlines: enforced from the recorded date at command time, whether or not the timer has fired.
  if (isPast(decision.appealUntil, metadata.now))
    throw new InvalidState(
      'appeal.window_closed',
      app.status,
      { appealUntil: decision.appealUntil },
      `the appeal window closed on ${dayOf(decision.appealUntil)}`,
    );
  const statement = data.statement.trim();
  if (!statement) throw new RuleViolation('appeal.statement_required', 'an appeal needs a statement');
  return [
    {
      type: 'AppealFiled',
      data: {
        ...pins(app),
        appealOf: { decidedAt: decision.decidedAt, outcome: decision.outcome },
        statement,
        appealUntil: decision.appealUntil,
        filedBy: metadata.actor.id,
        filedAt: metadata.now,
      },
    },
  ];
};

export const routeAppeal = ({ data, metadata }: RouteAppeal, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  if (!app.appeal)
    throw new InvalidState(
      'appeal.not_filed',
      app.status,
      {},
      'no appeal has been filed on this application; staff route an appeal once the applicant files one',
    );
  if (app.appeal.status !== 'filed')
    throw new InvalidState(
      'appeal.already_routed',
      app.status,
      { route: app.appeal.route },
      `the appeal was already routed (${app.appeal.route})`,
    );
  const excludedReviewers = data.route === 'fresh-review' ? [...new Set([...app.earlierReviewers, ...Object.keys(app.reviewers)])] : [];
  return [
    {
      type: 'AppealRouted',
      data: { ...pins(app), route: data.route, excludedReviewers, routedBy: metadata.actor.id, routedAt: metadata.now },
    },
  ];
};

/**
 * A fresh review is a new round: the earlier reviewers leave the slots (remembered, so they are refused), and the
 * rulings and recommendation of the first round are cleared so the new recommendation rests on the new scores only.
 * The board route goes back before the board with the first round's recommendation, which an overrule must answer.
 */
export const evolveAppeal = (s: OpenApplication, event: AppealFiled | AppealRouted): OpenApplication => {
  if (event.type === 'AppealFiled') {
    const { appealOf, filedAt } = event.data;
    return { ...s, status: 'Appealed', appeal: { status: 'filed', appealOf, filedAt, route: null, decidedAt: null } };
  }
  const appeal = s.appeal && { ...s.appeal, status: 'routed' as const, route: event.data.route };
  if (event.data.route === 'board') return { ...s, status: 'AwaitingDecision', appeal };
  const earlierReviewers = [...new Set([...s.earlierReviewers, ...event.data.excludedReviewers])];
  return { ...s, status: 'UnderReview', appeal, earlierReviewers, reviewers: {}, disputed: [], rulings: {}, recommendation: null };
};

/** The link a decision taken on a routed appeal carries; null for a first decision. */
export const appealBeingDecided = (app: OpenApplication): AppealedDecision | null =>
  app.appeal?.status === 'routed' ? app.appeal.appealOf : null;

/** The appeal's decision is final at once (see above): it closes its own window in the same append. */
export const finalAtOnce = (app: OpenApplication, now: string): ApplicationEvent[] =>
  appealBeingDecided(app) ? [{ type: 'DecisionFinalized', data: { ...pins(app), appealUntil: now, finalizedAt: now } }] : [];

/** Reviewers a fresh review round may not take: everyone of the earlier rounds, while the appeal is being decided. */
export const excludedFromReview = (app: OpenApplication): string[] => (app.appeal?.status === 'routed' ? app.earlierReviewers : []);

/** While an appeal is pending the first decision is not final, whatever its window's timer says. */
export const appealPending = (app: OpenApplication): boolean => !!app.appeal && app.appeal.status !== 'decided';
