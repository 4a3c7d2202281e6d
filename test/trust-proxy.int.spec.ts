import { TestApp, startApp } from './support/test-app';

/**
 * The client address behind the per-address limits is the real peer unless TRUST_PROXY names the proxies in front:
 * one client rotating X-Forwarded-For must not get a fresh allowance per made-up address.
 */
describe('the client address and X-Forwarded-For', () => {
  const linkRequests = async (t: TestApp, count: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await t
        .http()
        .post('/auth/email-link')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: `person${i}@school.example` });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('with TRUST_PROXY unset, a client rotating the header is still one address: the limit of 20 a minute holds', async () => {
    // Given the service with no proxy configured
    const t = await startApp();
    try {
      // When one client sends 25 link requests, each claiming another address
      const statuses = await linkRequests(t, 25);
      // Then the first 20 are accepted and the rest refused as over the limit
      expect(statuses.filter((s) => s === 202)).toHaveLength(20);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY=loopback, a proxy on this machine passes each client address on, and each has its own limit', async () => {
    // Given the service behind a proxy on the same machine (the test client connects from 127.0.0.1)
    const t = await startApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      // When 25 clients each send one request through it
      const statuses = await linkRequests(t, 25);
      // Then none is over its own limit
      expect(statuses.every((s) => s === 202)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
