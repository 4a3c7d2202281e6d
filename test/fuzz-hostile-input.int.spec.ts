import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Agent } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { CURRENT_POLICY_VERSION, CURRENT_RUBRIC_VERSION } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { CODES, ratings, scores, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Hostile input: a property-based suite (fast-check) that sends at least 10,000 malformed or hostile
 * requests (bodies, paths, query strings and headers) across every endpoint the OpenAPI document lists, as anonymous
 * callers, forged sessions and every role. For each: no 5xx, no stack trace or source path in the answer, and a
 * refused request (4xx) leaves the event log's head exactly where it was. The work side is settled after any
 * accepted write, so only the request under test could move the log.
 */
const RUNS = 10_000;
const SEED = 20_260_302;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof HTTP_METHODS)[number];
type Endpoint = { method: Method; template: string; params: string[] };
type Actor = 'anonymous' | 'forged' | 'applicant' | 'otherApplicant' | 'reviewer' | 'staff' | 'board' | 'auditor' | 'operator' | 'cookie';

const LEAK = /\n\s*at\s|\bat\s+\S+\s+\(|\.[jt]s:\d+(:\d+)?|node_modules|\/work\/|\/src\/|SqliteError|TypeError|RangeError|ReferenceError/;

let t: TestApp;
let X: string;
let Z: string;
let notification: string;
const sessions: Partial<Record<Actor, Session>> = {};
let cookieSession = '';
let baseUrl = '';
const cookieFor = (token: string) => `iasl-session=${token}`;
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** A valid body per route, so mutations reach the deeper rules and not only "body is not an object". */
const VALID: Record<string, () => object> = {
  'POST /applications': () => surveyFor('Fuzz Leader', 'fuzz@school.example', 'Fuzz Academy'),
  'PUT /applications/{id}/assessment/draft': () => ({ ratings: ratings(3, CODES.slice(0, 2)) }),
  'POST /applications/{id}/assessment': () => ({ ratings: ratings(3) }),
  'POST /applications/{id}/progress-updates': () => ({ ratings: ratings(4) }),
  'PUT /applications/{id}/directory-listing': () => ({
    fields: ['leaderName', 'focusAreas', 'summary'],
    focusAreas: ['Robotics'],
    summary: 'Robots with mentors.',
  }),
  'POST /applications/{id}/screening/reject': () => ({ reason: 'The program has not started yet.' }),
  'POST /applications/{id}/deadline-extensions': () => ({ dueAt: '2026-05-01T09:00:00.000Z', reason: 'The district calendar moved' }),
  'POST /applications/{id}/reviewers': () => ({ mode: 'manual', reviewerIds: [sessions.reviewer!.id] }),
  'POST /applications/{id}/reviewers/{reviewerId}/release': () => ({ reason: 'A conflict came to light' }),
  'PUT /applications/{id}/scores/draft': () => ({ scores: scores(3).slice(0, 2) }),
  'POST /applications/{id}/scores': () => ({ scores: scores(3), recommendation: 'CharterMembership' }),
  'POST /applications/{id}/adjudication': () => ({
    rulings: [{ indicator: CODES[0], level: 3 }],
    justification: 'The evidence supports level 3.',
  }),
  'POST /applications/{id}/decision': () => ({ outcome: 'ProgramOfExcellence' }),
  'POST /reviewers/me/conflicts': () => ({ institution: 'Fuzz Academy', reason: 'A former colleague leads it.' }),
  'POST /reviewers/{reviewerId}/conflicts': () => ({ applicationId: X, reason: 'Pinned by staff.' }),
  'PUT /review-cycles/{cycle}': () => ({ blindReview: false }),
  'POST /privacy/erasures': () => ({ email: 'nobody-known@fuzz.example' }),
  'POST /auth/login': () => ({ email: 'staff@iasl.org', password: 'not the password' }),
  'POST /auth/email-link': () => ({ email: 'fuzz@school.example' }),
  'POST /auth/email-link/redeem': () => ({ token: 'A'.repeat(43) }),
  'POST /auth/password': () => ({ token: 'A'.repeat(43), password: 'a long enough passphrase' }),
  'POST /auth/password-reset': () => ({ email: 'staff@iasl.org' }),
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '\u0000',
  '\ud800',
  '\u202e',
  '😀'.repeat(50),
  'x'.repeat(5000),
  'EC9.Nobody99',
  '2026-02-30T09:00:00.000Z',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'true',
  'null',
  '__proto__',
  'constructor',
  'prototype',
  'admin@iasl.local',
];

const deep = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { $gt: '' }, { $where: '1' }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    deep(60),
    deep(2000),
    Array.from({ length: 2000 }, (_, i) => i),
  ),
);

/** A body: a valid one with one part broken, unknown fields, a wrong shape, or raw text that is not JSON at all. */
const bodyArb = (route: string): fc.Arbitrary<{ raw?: string; json?: unknown; type?: string }> => {
  const valid = VALID[route]?.() ?? {};
  const keys = Object.keys(valid);
  const mutated = fc
    .tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), hostileValue, fc.constantFrom('replace', 'delete', 'add', 'nested'))
    .map(([key, value, how]) => {
      const copy: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
      if (how === 'replace') copy[key] = value;
      else if (how === 'delete') delete copy[key];
      else if (how === 'add') copy[`${key}Extra`] = value;
      else {
        // Inside the first array or object: ratings.0.level, institution.name …
        const inner = copy[key];
        if (Array.isArray(inner) && inner.length > 0 && typeof inner[0] === 'object')
          (inner[0] as Record<string, unknown>)[Object.keys(inner[0] as object)[0] ?? 'x'] = value;
        else if (inner && typeof inner === 'object') (inner as Record<string, unknown>)[Object.keys(inner)[0] ?? 'x'] = value;
        else copy[key] = [value];
      }
      return { json: copy };
    });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: hostileValue.map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.constant({ json: valid }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        { raw: '{"leaderName": ', type: 'application/json' },
        { raw: '{"__proto__":{"role":"staff","admin":true},"email":"a@b.co"}', type: 'application/json' },
        { raw: `{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(valid).slice(1)}`, type: 'application/json' },
        { raw: `${JSON.stringify(valid).slice(0, -1)},"__proto__":{"polluted":1}}`, type: 'application/json' },
        { raw: 'null', type: 'application/json' },
        { raw: '"just a string"', type: 'application/json' },
        { raw: '[1,2,3]', type: 'application/json' },
        { raw: '{"a":1,"a":2}', type: 'application/json' },
        { raw: '\u0000\u0001\u0002', type: 'application/json' },
        { raw: 'a[b][c]=1&__proto__[polluted]=1&reason=x', type: 'application/x-www-form-urlencoded' },
        { raw: '<survey><leaderName>x</leaderName></survey>', type: 'application/xml' },
        { raw: JSON.stringify(valid), type: 'text/plain' },
        { raw: JSON.stringify(valid), type: 'application/json; charset=utf-7' },
        { raw: 'x'.repeat(300_000), type: 'application/json' },
        // Recursion bombs and text that is not well-formed Unicode (a lone surrogate, in a value and in a key).
        { raw: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, type: 'application/json' },
        { raw: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, type: 'application/json' },
        { raw: JSON.stringify({ ...valid, email: 'a\ud800@school.example' }), type: 'application/json' },
        { raw: JSON.stringify({ ...valid, ['\udc00']: 1 }), type: 'application/json' },
        { raw: JSON.stringify(Object.fromEntries(Object.keys(valid).map((k) => [k, '\udbff']))), type: 'application/json' },
        { raw: JSON.stringify({ ...valid, padding: 'x'.repeat(260_000) }), type: 'application/json' },
      ),
    },
  );
};

const pathValue = (name: string): fc.Arbitrary<string> => {
  const known: Record<string, () => string[]> = {
    id: () => [X, Z, X.toUpperCase()],
    reviewerId: () => [sessions.reviewer!.id, sessions.staff!.id],
    notificationId: () => [notification],
    conflictId: () => [X],
    cycle: () => ['2026', '1999'],
    version: () => [CURRENT_RUBRIC_VERSION, CURRENT_POLICY_VERSION],
  };
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(known[name]?.() ?? ['x'])) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...HOSTILE_STRINGS.map(encode),
        '..',
        '%2e%2e',
        '%',
        '%zz',
        '%E0%A4%A',
        'a%2Fb',
        ';',
        '1;DROP',
        '9'.repeat(400),
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encode) },
  );
};

const queryArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'after=abc',
      'after=-1',
      'after=0',
      'after=1.5',
      'after=',
      'after[]=1',
      'after[x]=1',
      'limit=-1',
      'limit=lots',
      'limit=100000',
      'offset=-5',
      'offset=1e9',
      'status=Nope',
      'status[]=Screening',
      'unreadOnly=maybe',
      'unreadOnly=false',
      '__proto__[polluted]=1',
      'constructor[prototype][polluted]=1',
      'a=1&a=2&a=3',
      `x=${'y'.repeat(3000)}`,
      'sort=name',
      '%zz=1',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 })
      .map((d) => new URLSearchParams(d).toString()),
  },
);

const headersArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'If-Match': fc.constantFrom('W/"1"', '"3"', '*', ' * ', '"abc"', 'W/"99999999999"', '', '"1", "2"', 'W/"-1"', 'W/' + '"9"'.repeat(200)),
    'Content-Type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/merge-patch+json',
    ),
    Accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', 'image/png', ''),
    'X-CSRF-Token': fc.constantFrom('garbage', `${'a'.repeat(64)}.${'b'.repeat(64)}`, ''),
    'X-Forwarded-For': fc.constantFrom('1.2.3.4', 'not-an-ip', '127.0.0.1, 10.0.0.1'),
    'X-HTTP-Method-Override': fc.constantFrom('DELETE', 'PUT'),
    Cookie: fc.constantFrom('iasl-session=forged', 'iasl-session=; iasl-csrf=x', `iasl-session=${'z'.repeat(4000)}`, 'a=b'),
  },
  { requiredKeys: [] },
);

const actorArb = fc.constantFrom<Actor>(
  'anonymous',
  'forged',
  'applicant',
  'otherApplicant',
  'reviewer',
  'staff',
  'board',
  'auditor',
  'operator',
  'cookie',
);

const stats = { sent: 0, byStatus: new Map<number, number>(), byEndpoint: new Map<string, number>(), fiveHundreds: 0, leaks: 0, moved: 0 };

describe('hostile input across every endpoint (fast-check)', () => {
  let endpoints: Endpoint[];
  let store: EventStore;
  let lastWrite = false;
  const started = Date.now();

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    // One listening server for every request, instead of supertest opening one per request.
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    store = t.get(EventStore);
    sessions.staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    sessions.board = await signInWithPassword(t, 'board', 'board@iasl.org');
    sessions.auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    sessions.operator = await signInWithPassword(t, 'operator', 'operator@iasl.org');
    sessions.reviewer = await signInWithPassword(t, 'reviewer', 'north@review.org', { institution: 'North College' });
    const west = await signInWithPassword(t, 'reviewer', 'west@review.org', { institution: 'West Institute' });
    sessions.applicant = await signInByEmail(t, 'alice@riverside.edu');
    sessions.otherApplicant = await signInByEmail(t, 'oscar@elsewhere.org');
    await t.http().post('/auth/email-link').send({ email: 'carol@cookie.example' }).expect(202);
    const redeemed = await t
      .http()
      .post('/auth/email-link/redeem')
      .send({ token: /token=([\w-]+)/.exec(t.mailer.to('carol@cookie.example').at(-1)!.text)![1], session: 'cookie' })
      .expect(200);
    cookieSession = ([] as string[])
      .concat(redeemed.headers['set-cookie'])
      .map((c) => c.split(';')[0])
      .join('; ');

    const { staff, board, applicant, otherApplicant, reviewer } = sessions as Record<Actor, Session>;
    X = (
      await t
        .http()
        .post('/applications')
        .set(applicant.auth)
        .send(surveyFor('Alice Rivers', applicant.email, 'Riverside STEM Academy'))
        .expect(201)
    ).body.applicationId;
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
      .send({ mode: 'manual', reviewerIds: [reviewer.id, west.id] })
      .expect(201);
    for (const r of [reviewer, west])
      await t
        .http()
        .post(`/applications/${X}/scores`)
        .set(r.auth)
        .send({ scores: scores(4), recommendation: 'ProgramOfExcellence' })
        .expect(201);
    await t.http().post(`/applications/${X}/decision`).set(board.auth).send({ outcome: 'ProgramOfExcellence' }).expect(200);
    Z = (
      await t
        .http()
        .post('/applications')
        .set(otherApplicant.auth)
        .send(surveyFor('Oscar Owens', otherApplicant.email, 'Elsewhere Academy'))
        .expect(201)
    ).body.applicationId;
    await settle(t);
    notification = (await t.http().get('/me/notifications').set(applicant.auth).expect(200)).body.items[0].notificationId;

    const document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build());
    endpoints = Object.entries(document.paths).flatMap(([template, item]) =>
      HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({
        method,
        template,
        params: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      })),
    );
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const histogram = [...stats.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.info(
      `fuzz: ${stats.sent} requests across ${stats.byEndpoint.size} endpoints in ${seconds} s (seed ${SEED}); ` +
        `5xx: ${stats.fiveHundreds}; stack traces or source paths: ${stats.leaks}; log moved by a refused request: ${stats.moved}\n  statuses: ${histogram}`,
    );
    await t?.close();
  });

  const renewSessions = async () => {
    const identity = t.get(IdentityStore);
    for (const actor of Object.keys(sessions) as Actor[]) {
      const session = sessions[actor]!;
      if (!(await identity.resolveSession(session.token))) session.token = (await identity.createSession(session.id, 12 * 3_600_000)).token;
    }
    if (!(await identity.resolveSession(/iasl-session=([^;]+)/.exec(cookieSession)![1]))) {
      const carol = (await identity.findByEmail('carol@cookie.example'))!;
      cookieSession = cookieFor((await identity.createSession(carol.id, 12 * 3_600_000)).token);
    }
  };

  const send = async (
    endpoint: Endpoint,
    actor: Actor,
    pathValues: string[],
    query: string,
    headers: Record<string, string>,
    body: { raw?: string; json?: unknown; type?: string } | null,
  ) => {
    const path =
      endpoint.params.reduce((p, name, i) => p.replace(`{${name}}`, pathValues[i]), endpoint.template) + (query ? `?${query}` : '');
    let req = request(baseUrl)[endpoint.method](path).agent(keepAlive);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    if (actor === 'forged') req = req.set('Authorization', 'Bearer forged-0000000000000000000000000000000000000');
    else if (actor === 'cookie') req = req.set('Cookie', cookieSession);
    else if (actor !== 'anonymous') req = req.set('Authorization', `Bearer ${sessions[actor]!.token}`);
    // Bodies go as text, so a hostile Content-Type header cannot make the client refuse to send them.
    if (body?.raw !== undefined) req = req.set('Content-Type', body.type ?? 'application/json').send(body.raw);
    else if (body && body.json !== undefined)
      req = req.set('Content-Type', headers['Content-Type'] ?? 'application/json').send(JSON.stringify(body.json));
    return { path, res: await req };
  };

  it(`answers ${RUNS.toLocaleString('en')} hostile requests without a 5xx, a stack trace, or a write from a refused request`, async () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(50);
    // Built once per endpoint (the bodies include a few large ones), then drawn from evenly.
    const perEndpoint = endpoints.map((endpoint) =>
      fc.record({
        endpoint: fc.constant(endpoint),
        actor: actorArb,
        pathValues: fc.tuple(...endpoint.params.map(pathValue)),
        query: queryArb,
        headers: headersArb,
        body:
          endpoint.method === 'get'
            ? fc.constant(null)
            : fc.option(bodyArb(`${endpoint.method.toUpperCase()} ${endpoint.template}`), { nil: null, freq: 8 }),
      }),
    );
    const requestArb = fc.integer({ min: 0, max: endpoints.length - 1 }).chain((i) => perEndpoint[i]);

    await fc.assert(
      fc.asyncProperty(requestArb, async ({ endpoint, actor, pathValues, query, headers, body }) => {
        // Rate limits are their own spec; cleared now and then so the validation behind them is reached too.
        if (stats.sent % 25 === 0) {
          const storage = t.app.get<{ storage: Map<string, unknown>; hitExpirations: Map<string, unknown> }>(ThrottlerStorage);
          storage.storage.clear();
          storage.hitExpirations.clear();
        }
        // An accepted write may have set off notifications: let them land before measuring the next request.
        if (lastWrite) await settle(t);
        const before = await store.head().then((h) => h?.position ?? null);
        const { path, res } = await send(endpoint, actor, pathValues, query, headers, body);
        const after = await store.head().then((h) => h?.position ?? null);

        stats.sent++;
        stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
        stats.byEndpoint.set(
          `${endpoint.method} ${endpoint.template}`,
          (stats.byEndpoint.get(`${endpoint.method} ${endpoint.template}`) ?? 0) + 1,
        );
        lastWrite = res.status < 400 && endpoint.method !== 'get';
        // A fuzzed logout (or a password set) ends the actor's session; give them a new one for the requests to come.
        if (res.status < 400 && endpoint.template.startsWith('/auth/')) await renewSessions();

        // What the caller sent may come back in a message; only what the service adds counts as a leak.
        let text = res.text ?? '';
        for (const echoed of [path, decodeSafely(path), ...pathValues.map(String), ...pathValues.map((v) => decodeSafely(String(v)))])
          text = text.split(echoed).join('');
        const leaked = LEAK.test(text);
        if (res.status >= 500) stats.fiveHundreds++;
        if (leaked) stats.leaks++;
        if (res.status >= 400 && after !== before) stats.moved++;

        const context = `${endpoint.method.toUpperCase()} ${path} as ${actor} → ${res.status} ${(res.text ?? '').slice(0, 300)}`;
        expect({ context, serverError: res.status >= 500 }).toEqual({ context, serverError: false });
        expect({ context, leaked }).toEqual({ context, leaked: false });
        if (res.status >= 400) expect({ context, head: after }).toEqual({ context, head: before });
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    expect(stats.sent).toBeGreaterThanOrEqual(RUNS);
    expect(stats.byEndpoint.size).toBe(endpoints.length);
    // Nothing in the bodies or query strings reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  }, 300_000);
});

// Lone surrogates cannot be percent-encoded; they go as U+FFFD (bodies still carry them raw).
function encode(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
