import { TestApp, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** In production the map of the API and the service's measurements are for signed-in people, not for anyone. */
describe('production posture', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('keeps /docs and /docs-json behind sign-in, and answers an anonymous /health with up or down only', async () => {
    // Given the service started with NODE_ENV=production
    t = await startApp({ env: { NODE_ENV: 'production' } });
    // When someone not signed in asks
    const docs = await t.http().get('/docs-json').expect(401);
    await t.http().get('/docs').expect(401);
    const health = await t.http().get('/health').expect(200);
    // Then the docs say to sign in, and health says only that the service is up
    expect(docs.body).toMatchObject({ code: 'auth.required', detail: expect.stringMatching(/signed-in users/) });
    expect(health.body).toEqual({ status: 'ok' });

    // And a signed-in applicant reads the docs; operators and staff see what health measured, an applicant does not
    const applicant = await signInByEmail(t, 'alice@riverside.edu');
    await t.http().get('/docs-json').set(applicant.auth).expect(200);
    expect((await t.http().get('/health').set(applicant.auth).expect(200)).body).toEqual({ status: 'ok' });
    for (const role of ['operator', 'staff'] as const) {
      const person = await signInWithPassword(t, role, `${role}@iasl.org`);
      const detailed = await t.http().get('/health').set(person.auth).expect(200);
      expect(detailed.body.details).toEqual(expect.objectContaining({ eventStore: expect.objectContaining({ status: 'up' }) }));
    }
  });

  it('leaves the docs and the detailed health open outside production, for development', async () => {
    t = await startApp();
    await t.http().get('/docs-json').expect(200);
    expect((await t.http().get('/health').expect(200)).body.details).toBeDefined();
  });

  it('lets PRODUCTION=false override NODE_ENV', async () => {
    t = await startApp({ env: { NODE_ENV: 'production', PRODUCTION: 'false' } });
    await t.http().get('/docs-json').expect(200);
  });
});
