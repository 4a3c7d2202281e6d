import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApplicationsController } from '../applications/applications.controller';
import { RubricsController } from '../applications/rubrics.controller';
import { DecisionsController } from '../decisions/decisions.controller';
import { NotificationsController } from '../notifications/notifications.controller';
import { ReviewCyclesController } from '../reviews/review-cycles.controller';
import { ReviewersController } from '../reviews/reviewers.controller';
import { ReviewsController } from '../reviews/reviews.controller';
import { ProgressController } from '../progress/progress.controller';
import { AwardsController } from '../awards/awards.controller';
import { DirectoryController, DirectoryListingController } from '../directory/directory.controller';
import { AppealsController } from '../appeals/appeals.controller';
import { EvidenceController } from '../evidence/evidence.controller';
import { MetricsController } from '../operations/metrics.controller';
import { PeopleController } from '../people/people.controller';
import { DeadlinesController } from '../deadlines/deadlines.controller';
import { CredentialsController } from '../credentials/credentials.controller';
import { ACCESS_POLICY, RouteAccess } from './access.decorators';
import { Action, POLICY } from './access-policy';
import { AuthController } from './auth.controller';

const CONTROLLERS = [
  ApplicationsController,
  RubricsController,
  DecisionsController,
  NotificationsController,
  ReviewCyclesController,
  ReviewersController,
  ReviewsController,
  AuthController,
  ProgressController,
  AwardsController,
  DirectoryController,
  DirectoryListingController,
  AppealsController,
  EvidenceController,
  MetricsController,
  PeopleController,
  DeadlinesController,
  CredentialsController,
];

const routes = CONTROLLERS.flatMap((controller) => {
  const proto = controller.prototype as unknown as Record<string, object>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && Reflect.getMetadata(METHOD_METADATA, proto[name]) !== undefined)
    .map((name) => {
      const handler = proto[name];
      return {
        route: `${controller.name}.${name}`,
        method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
        access: Reflect.getMetadata(ACCESS_POLICY, handler) as RouteAccess | undefined,
      };
    });
});
const actionOf = (access: RouteAccess | undefined): Action | null =>
  access && typeof access === 'object' && 'action' in access ? access.action : null;

describe('the access policy table', () => {
  it('is what every route of these controllers uses: an action from the table, or public sign-in', () => {
    expect(routes.length).toBeGreaterThan(30);
    const bare = routes.filter((r) => actionOf(r.access) === null && r.access !== 'public').map((r) => r.route);
    expect(bare).toEqual([]);
    const unused = (Object.keys(POLICY) as Action[]).filter((action) => !routes.some((r) => actionOf(r.access) === action));
    expect(unused).toEqual([]);
  });

  it('lets auditors change nothing: no route that writes names a rule open to auditors (ending their own session aside)', () => {
    const writes = routes.filter((r) => r.method !== RequestMethod.GET).map((r) => ({ route: r.route, action: actionOf(r.access) }));
    const auditorWrites = writes.filter(
      (w) => w.action && w.action !== 'session.end' && (POLICY[w.action].roles as readonly string[]).includes('auditor'),
    );
    expect(auditorWrites).toEqual([]);
  });

  it('keeps operators out of application contents', () => {
    const operatorReads = (Object.keys(POLICY) as Action[]).filter(
      (a) => 'application' in POLICY[a] && (POLICY[a].roles as readonly string[]).includes('operator'),
    );
    expect(operatorReads).toEqual([]);
  });

  it('never lets a nominator past the acknowledgement, nor a released or conflicted reviewer in', () => {
    for (const action of Object.keys(POLICY) as Action[]) {
      const standing = (POLICY[action] as { application?: readonly string[] }).application ?? [];
      expect({ action, known: standing.includes('known'), none: standing.includes('none') }).toEqual({ action, known: false, none: false });
      if (action !== 'application.read') expect({ action, ack: standing.includes('acknowledgement') }).toEqual({ action, ack: false });
    }
  });
});
