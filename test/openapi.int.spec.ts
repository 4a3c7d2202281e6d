import { Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { REFUSALS, RefusalKind } from '@cert/domain';
import { ACCESS_POLICY, RouteAccess } from '../apps/api/src/auth/access.decorators';
import { POLICY } from '../apps/api/src/auth/access-policy';
import { OPERATION, OperationInfo } from '../apps/api/src/http/operation.decorator';
import { routesOf } from '../apps/api/src/http/openapi';
import { surveyFor } from './support/cycle-data';
import { submitAccepted } from './support/lifecycle';
import { TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

type Operation = OperationObject & { 'x-roles'?: string[] };
type ProblemSchema = { allOf: [{ $ref: string }, { properties: { code: { enum: string[] } } }] };

/** Operations that can refuse nothing at all: no parameters, no body, open to everyone, no rate limit. */
const REFUSE_NOTHING = ['AuthController_csrf'];

describe('the OpenAPI document at /docs', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let operations: { id: string; method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    t = await startApp();
    document = (await t.http().get('/docs-json').expect(200)).body as OpenAPIObject;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
        id: operation.operationId!,
        method,
        path,
        operation,
      })),
    );
  });
  afterAll(() => t.close());

  const problemsOf = (operation: Operation) =>
    Object.entries(operation.responses).filter(([status]) => !status.startsWith('2')) as [string, ResponseObject][];
  const codesOf = (response: ResponseObject) =>
    (response.content?.['application/problem+json']?.schema as ProblemSchema).allOf[1].properties.code.enum;

  it('describes every route of every controller', () => {
    expect(operations.length).toBeGreaterThan(70);
    expect(operations.map((o) => o.id).sort()).toEqual([...routesOf(t.app).keys()].sort());
  });

  it("gives every operation a summary and the roles it admits, the action's own from the access policy", () => {
    const routes = routesOf(t.app);
    for (const { id, operation } of operations) {
      expect({ id, summary: !!operation.summary?.trim(), roles: operation['x-roles']?.length }).toEqual({
        id,
        summary: true,
        roles: expect.any(Number),
      });
      const route = routes.get(id)!;
      const access = new Reflector().getAllAndOverride<RouteAccess>(ACCESS_POLICY, [route.handler, route.controller]);
      const roles = access === 'public' ? ['anyone'] : 'action' in access ? POLICY[access.action].roles : access;
      expect({ id, roles: operation['x-roles'] }).toEqual({ id, roles: [...roles] });
      expect(operation.description).toContain(access === 'public' ? 'Open to everyone' : `Roles: ${roles.join(', ')}.`);
    }
  });

  it('says what every operation answers on success: a schema of the contracts, a file, or no body', () => {
    for (const { id, operation } of operations) {
      const ok = Object.entries(operation.responses).filter(([status]) => status.startsWith('2')) as [string, ResponseObject][];
      expect({ id, successes: ok.length }).toEqual({ id, successes: 1 });
      const [status, response] = ok[0];
      const content = Object.entries(response.content ?? {});
      if (status === '202' || status === '204') {
        expect({ id, content }).toEqual({ id, content: [] });
        continue;
      }
      expect({ id, types: content.length }).toEqual({ id, types: 1 });
      const [type, { schema }] = content[0];
      if (type === 'application/json') {
        const ref = (schema as { $ref?: string; items?: { $ref: string } }).$ref ?? (schema as { items: { $ref: string } }).items.$ref;
        expect({ id, ref }).toEqual({ id, ref: expect.stringMatching(/^#\/components\/schemas\/[A-Za-z]+$/) });
      } else {
        expect({ id, type, schema }).toEqual({
          id,
          type: expect.stringMatching(/^(application\/pdf|text\/csv|text\/plain|application\/octet-stream|application\/ld\+json)$/),
          schema: { type: 'string', format: 'binary' },
        });
      }
    }
  });

  it('lists the refusals of every operation as problem+json, each with the codes it can answer', () => {
    for (const { id, operation } of operations) {
      const problems = problemsOf(operation);
      expect({ id, refuses: problems.length > 0 }).toEqual({ id, refuses: !REFUSE_NOTHING.includes(id) });
      for (const [status, response] of problems) {
        expect({ id, status, problem: (response.content?.['application/problem+json']?.schema as ProblemSchema).allOf[0] }).toEqual({
          id,
          status,
          problem: { $ref: '#/components/schemas/Problem' },
        });
        expect({ id, status, codes: codesOf(response).length > 0 }).toEqual({ id, status, codes: true });
      }
    }
  });

  it('names each domain refusal on some route, at the status its kind answers', () => {
    const STATUS: Record<RefusalKind, string> = {
      NotFound: '404',
      InvalidState: '409',
      DeadlinePassed: '422',
      RuleViolation: '422',
      Forbidden: '403',
      TooLarge: '413',
      UnsupportedType: '415',
    };
    const documented = new Set(
      operations.flatMap(({ operation }) => problemsOf(operation).flatMap(([status, r]) => codesOf(r).map((c) => `${status} ${c}`))),
    );
    // Refusals of commands no route sends: checkpoints are made by the work side and the operator's CLI only, and
    // credentials are issued by the work side only.
    const notOverHttp = new Set(['403 checkpoint.not_allowed', '422 credential.index_taken', '422 credential.list_full']);
    const missing = (Object.keys(REFUSALS) as RefusalKind[]).flatMap((kind) =>
      REFUSALS[kind].map((code) => `${STATUS[kind]} ${code}`).filter((entry) => !documented.has(entry) && !notOverHttp.has(entry)),
    );
    expect(missing).toEqual([]);
  });

  it('lists what the api answers: a refusal over HTTP carries a code its operation names at that status', async () => {
    const applicant = await signInByEmail(t, 'leader@riverside.test');
    const staff = await signInWithPassword(t, 'staff', 'staff@iasl.test');
    const id = await submitAccepted(t, applicant, staff, surveyFor('Ada Rivers', 'leader@riverside.test', 'Riverside Academy'));
    const refusals = [
      await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth),
      await t.http().post(`/applications/${id}/screening/accept`).set(applicant.auth),
      await t.http().post(`/applications/${id}/screening/accept`),
    ];
    const accept = operations.find((o) => o.id === 'ApplicationsController_accept')!.operation;
    const answered = refusals.map((r) => ({ status: r.status, code: r.body.code as string }));
    expect(answered).toEqual([
      { status: 409, code: 'survey.not_in_screening' },
      { status: 403, code: 'access.denied' },
      { status: 401, code: 'auth.required' },
    ]);
    for (const { status, code } of answered) expect(codesOf(accept.responses[String(status)] as ResponseObject)).toContain(code);
  });

  it("declares an action's refusals once, in ACTION_REFUSALS, never again on its routes", () => {
    const twice = [...routesOf(t.app)].filter(([, route]) => {
      const access = new Reflector().getAllAndOverride<RouteAccess>(ACCESS_POLICY, [route.handler, route.controller]);
      const info = Reflect.getMetadata(OPERATION, route.handler) as OperationInfo;
      return typeof access === 'object' && 'action' in access && info.refuses !== undefined;
    });
    expect(twice.map(([id]) => id)).toEqual([]);
  });

  it('resolves every schema reference', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    const unresolved = [...new Set(refs.map((r) => r.slice('"$ref":"#/components/schemas/'.length, -1)))].filter(
      (name) => !document.components?.schemas?.[name],
    );
    expect(unresolved).toEqual([]);
  });
});
