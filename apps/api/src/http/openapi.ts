import { INestApplication, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { REFUSALS, RefusalKind } from '@cert/domain';
import type { HttpProblemCode, ProblemCode, ResponseBodies } from '@cert/contracts';
import { ACCESS_POLICY, RouteAccess } from '../auth/access.decorators';
import { EVERY_ROLE, POLICY, Rule, Standing } from '../auth/access-policy';
import { ACTION_REFUSALS } from '../auth/refusals';
import { Answer, OPERATION, OperationInfo } from './operation.decorator';
import { CODE_BY_STATUS, STATUS_BY_KIND } from './problem.filter';
import responseSchemas from './response-schemas.json';

/** One route as Nest knows it: what /docs says about it comes from the decorators its method and controller carry. */
export type Route = { controller: abstract new (...args: never[]) => unknown; handler: (...args: never[]) => unknown; name: string };

const STANDING: Record<Standing, string> = {
  full: 'the leader named on the survey (staff, board and auditors hold every application)',
  acknowledgement: 'who nominated it (they learn only that it was received)',
  review: 'a reviewer assigned to it, without a conflict of interest',
  known: '',
  none: '',
};

/** Bodies that say what a command appended: the route wrote the log, so it can meet a concurrent write (409). */
const WRITE_RESULTS = new Set<keyof ResponseBodies>([
  'AwardCycleResult',
  'CommandResult',
  'ConflictResult',
  'CycleResult',
  'ErasureReport',
  'NotificationReadResult',
  'RenewalResult',
  'SurveyResult',
]);

const HTTP_STATUS: Record<HttpProblemCode, number> = {
  ...(Object.fromEntries(Object.entries(CODE_BY_STATUS).map(([status, code]) => [code, Number(status)])) as Record<
    HttpProblemCode,
    number
  >),
  'auth.locked': 429,
  'stream.version_conflict': 409,
  // docs/DOMAIN.md, Erasure: a document whose applicant was erased is gone for good, not merely unknown.
  'evidence.erased': 410,
  // What no other status names; the only route that declares it is the health check, when a check is down.
  'request.failed': 503,
};

const TITLE: Record<number, string> = {
  400: 'The request is malformed: `errors` names each offending field',
  401: 'Not signed in, or the session has ended',
  403: 'Refused to this actor',
  404: 'Not found, or not for this actor to know of',
  409: 'Not allowed in the current state, or the application changed meanwhile',
  412: 'The application is no longer at the version sent in If-Match',
  410: "Gone for good: erased with its owner's personal data",
  413: 'The body is over 256 kB',
  422: 'Against a rule',
  429: 'Too many requests, or too many failed sign-ins: wait and retry',
  503: 'A check is down',
};

const statusesOf = (code: ProblemCode): number[] => {
  const kinds = (Object.keys(REFUSALS) as RefusalKind[]).filter((kind) => (REFUSALS[kind] as readonly string[]).includes(code));
  return kinds.length > 0 ? kinds.map((kind) => STATUS_BY_KIND[kind]) : [HTTP_STATUS[code as HttpProblemCode]];
};

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

const success = (answers: Answer, response: ResponseObject): ResponseObject => {
  if (answers === null) return { description: response.description || 'Done; no body' };
  if (typeof answers === 'object' && 'file' in answers) {
    return { description: 'A file', content: { [answers.file]: { schema: { type: 'string', format: 'binary' } } } };
  }
  const schema = Array.isArray(answers) ? { type: 'array' as const, items: ref(answers[0]) } : ref(answers);
  return { description: 'Done', content: { 'application/json': { schema } } };
};

/** The access policy's rule for a route: its action's, or its bare role list's (null when public or closed). */
const ruleOf = (access: RouteAccess | undefined): Rule | null =>
  access === undefined || access === 'public' ? null : 'action' in access ? POLICY[access.action] : { roles: access };

const accessOf = (route: Route) =>
  new Reflector().getAllAndOverride<RouteAccess | undefined>(ACCESS_POLICY, [route.handler, route.controller]);

/** Who may call the route, from the access policy's rule for its action, its bare role list, or its being public. */
const accessNote = (access: RouteAccess | undefined): { roles: readonly string[]; note: string } => {
  if (access === 'public') return { roles: ['anyone'], note: 'Open to everyone, signed in or not.' };
  const rule = ruleOf(access);
  if (!rule) return { roles: [], note: 'Closed: the route declares no access policy.' };
  const notes = [`Roles: ${rule.roles.join(', ')}.`];
  if (rule.application) notes.push(`On the application \`:id\`: ${rule.application.map((s) => STANDING[s]).join('; or ')}.`);
  if (rule.notification) notes.push("Only the signed-in person's own notification.");
  return { roles: rule.roles, note: notes.join(' ') };
};

/** Every refusal the route can answer: what its access rule, shape and method imply, and what its action or operation declares. */
export function refusalsOf(route: Route, operation: OperationObject, method: RequestMethod): Map<number, Set<ProblemCode>> {
  const access = accessOf(route);
  const info = Reflect.getMetadata(OPERATION, route.handler) as OperationInfo | undefined;
  const found = new Map<number, Set<ProblemCode>>();
  const add = (code: ProblemCode, statuses = statusesOf(code)) => {
    for (const status of statuses) found.set(status, (found.get(status) ?? new Set()).add(code));
  };
  const parameters = (operation.parameters ?? []) as { name?: string; in?: string }[];
  if (parameters.length > 0 || operation.requestBody) add('request.invalid');
  if (operation.requestBody) add('request.too_large');
  if (parameters.some((p) => p.in === 'header' && p.name === 'If-Match')) add('stream.version_conflict', [409, 412]);
  const answers = info?.answers;
  if (typeof answers === 'string' && WRITE_RESULTS.has(answers)) add('stream.version_conflict', [409]);
  const guards = (Reflect.getMetadata(GUARDS_METADATA, route.handler) ?? []) as unknown[];
  if (guards.includes(ThrottlerGuard)) add('request.rate_limited');
  if (access !== 'public') {
    add('auth.required');
    if (method !== RequestMethod.GET) add('auth.csrf_invalid');
    const rule = ruleOf(access);
    if (!rule || EVERY_ROLE.some((role) => !rule.roles.includes(role))) add('access.denied');
    // What the access policy answers about the resource in the path (apps/api/src/auth/access-policy.ts).
    const missing = rule?.application ? 'application.not_found' : 'notification.not_found';
    if (rule?.application || rule?.notification) add(method === RequestMethod.GET ? 'resource.not_found' : missing);
    if (rule?.application?.includes('acknowledgement') === false && rule.roles.includes('applicant')) add('application.not_applicant');
    if (rule?.application && rule.roles.includes('reviewer'))
      (['review.not_assigned', 'review.conflict_of_interest'] as const).forEach((c) => add(c, [403]));
  }
  const action = access && typeof access === 'object' && 'action' in access ? access.action : null;
  const declared: readonly ProblemCode[] = action ? ACTION_REFUSALS[action] : (info?.refuses ?? []);
  declared.forEach((code) => add(code));
  return found;
}

const problems = (refusals: Map<number, Set<ProblemCode>>): Record<string, ResponseObject> =>
  Object.fromEntries(
    [...refusals.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => {
        const code = { type: 'string', enum: [...codes].sort() } satisfies SchemaObject;
        const schema: SchemaObject = { allOf: [ref('Problem'), { type: 'object', required: ['code'], properties: { code } }] };
        return [String(status), { description: TITLE[status] ?? 'Refused', content: { 'application/problem+json': { schema } } }];
      }),
  );

/** The controllers' routes, with the operation id Nest's OpenAPI scanner gives each (`<Controller>_<method>`). */
export function routesOf(app: INestApplication): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Route['controller'] | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, Route['handler']>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name !== 'constructor' && Reflect.getMetadata(METHOD_METADATA, proto[name]) !== undefined) {
          routes.set(`${controller.name}_${name}`, { controller, handler: proto[name], name });
        }
      }
    }
  }
  return routes;
}

/**
 * /docs, built once at boot: Nest's scan of the controllers and DTOs, then for each operation who may call it, what it
 * answers (the contracts' schemas, generated into response-schemas.json) and the problem+json refusals it can answer.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IASL certification engine')
      .setDescription('Intake survey → IC Map readiness assessment → reviewer scoring → board decision, every step an event.')
      .setVersion('0.1.0')
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth()
      .build(),
  );
  const schemas = { ...(responseSchemas as unknown as Record<string, SchemaObject>), ...document.components?.schemas };
  document.components = { ...document.components, schemas };
  const routes = routesOf(app);
  for (const pathItem of Object.values(document.paths)) {
    for (const [verb, operation] of Object.entries(pathItem) as [string, OperationObject][]) {
      const route = operation.operationId ? routes.get(operation.operationId) : undefined;
      if (!route) continue;
      const method = RequestMethod[verb.toUpperCase() as keyof typeof RequestMethod];
      const info = Reflect.getMetadata(OPERATION, route.handler) as OperationInfo | undefined;
      const access = accessOf(route);
      const { roles, note } = accessNote(access);
      operation.description = [operation.description, note].filter(Boolean).join('\n\n');
      (operation as OperationObject & { 'x-roles': readonly string[] })['x-roles'] = roles;
      if (access === 'public') operation.security = [];
      const ok = Object.keys(operation.responses).find((status) => status.startsWith('2'));
      if (ok && info) operation.responses[ok] = success(info.answers, operation.responses[ok] as ResponseObject);
      Object.assign(operation.responses, problems(refusalsOf(route, operation, method)));
    }
  }
  return document;
}
