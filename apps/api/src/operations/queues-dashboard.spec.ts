import { dashboardDenial, ResolveActor } from './queues-dashboard';

const sessions: Record<string, { role: string }> = { 'op-token': { role: 'operator' }, 'staff-token': { role: 'staff' } };
const resolveActor: ResolveActor = async (token) => sessions[token] ?? null;

describe('queue dashboard access', () => {
  it('lets a signed-in operator in', async () => {
    expect(await dashboardDenial('Bearer op-token', resolveActor)).toBeNull();
  });

  it('answers 401 without a bearer token, or with one that resolves to nobody', async () => {
    for (const header of [undefined, '', 'Basic b3A6cHc=', 'Bearer', 'Bearer unknown-token']) {
      expect(await dashboardDenial(header, resolveActor)).toMatchObject({ status: 401, code: 'auth.required' });
    }
  });

  it('answers 403 to a signed-in user who is not an operator', async () => {
    expect(await dashboardDenial('Bearer staff-token', resolveActor)).toMatchObject({
      status: 403,
      code: 'access.denied',
      detail: expect.stringContaining('staff'),
    });
  });
});
