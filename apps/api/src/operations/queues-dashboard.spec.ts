import { dashboardDenial, ResolveActor } from './queues-dashboard';

const sessions: Record<string, { role: string }> = { 'op-token': { role: 'operator' }, 'staff-token': { role: 'staff' } };
const resolveActor: ResolveActor = (token) => sessions[token] ?? null;

describe('queue dashboard access', () => {
  it('lets a signed-in operator in', () => {
    expect(dashboardDenial('Bearer op-token', resolveActor)).toBeNull();
  });

  it('answers 401 without a bearer token, or with one that resolves to nobody', () => {
    for (const header of [undefined, '', 'Basic b3A6cHc=', 'Bearer', 'Bearer unknown-token']) {
      expect(dashboardDenial(header, resolveActor)).toMatchObject({ status: 401, code: 'auth.required' });
    }
  });

  it('answers 403 to a signed-in user who is not an operator', () => {
    expect(dashboardDenial('Bearer staff-token', resolveActor)).toMatchObject({
      status: 403,
      code: 'access.denied',
      detail: expect.stringContaining('staff'),
    });
  });
});
