import type { ArgumentsHost } from '@nestjs/common';
import { ReadModelsBehind } from '@cert/projections';
import { ProblemFilter } from './problem.filter';

/** What the filter writes on an Express response, kept as sent. */
function answered(error: unknown) {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    json: (body: unknown) => void (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'POST', url: '/x' }), getResponse: () => response }) };
  new ProblemFilter().catch(error, host as unknown as ArgumentsHost);
  return sent;
}

describe('ProblemFilter', () => {
  it('answers read tables that cannot catch up with 503 and Retry-After, saying nothing was changed', () => {
    const sent = answered(new ReadModelsBehind('42', '40'));
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('2');
    expect(sent.body).toMatchObject({ code: 'request.failed', title: expect.stringMatching(/nothing was changed/) });
  });

  it('keeps 500 with a correlation id for what it does not know', () => {
    const sent = answered(new Error('boom'));
    expect(sent.status).toBe(500);
    expect(sent.headers['Retry-After']).toBeUndefined();
    expect(sent.body).toMatchObject({ correlationId: expect.any(String) });
  });
});
