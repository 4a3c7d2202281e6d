import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DemoProcess, DemoSignIn, freePort, runDemo, startDemo } from './support/demo-process';

jest.setTimeout(300_000);

/**
 * `npm run demo` (after `npm run build`): seeds an empty data directory through the service, serves it, and prints one
 * sign-in per role. Every role's main pages read data, the log verifies, no date lies ahead of now, and a second run on
 * the same directory is refused with the log untouched.
 */
describe('npm run demo', () => {
  let dataDir: string;
  let demo: DemoProcess;
  let base: string;
  let signIns: DemoSignIn[];

  const session = async (who: DemoSignIn) => {
    const res = who.password
      ? await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: who.email, password: who.password }),
        })
      : await fetch(`${base}/auth/email-link/redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: new URL(who.link!).searchParams.get('token') }),
        });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  const as = async (role: string) => {
    const token = await session(signIns.find((s) => s.role === role)!);
    return async <T = unknown>(path: string): Promise<T> => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return (await res.json()) as T;
    };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iasl-demo-'));
    demo = await startDemo(dataDir);
    base = demo.baseUrl;
    signIns = demo.signIns;
  });

  afterAll(async () => {
    await demo?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the address and one sign-in per role', () => {
    expect(demo.output()).toContain(`demo ready at ${base}`);
    expect(signIns.map((s) => s.role).sort()).toEqual(['applicant', 'auditor', 'board', 'operator', 'reviewer', 'staff']);
    expect(signIns.find((s) => s.role === 'applicant')!.link).toMatch(new RegExp(`^${base}/sign-in\\?token=`));
  });

  it("serves data on every role's main pages", async () => {
    const staff = await as('staff');
    const queue = await staff<{
      counts: Record<string, number>;
      items: { id: string; leaderName: string; status: string; designationStatus: string | null }[];
    }>('/applications');
    const steps = ['Screening', 'AwaitingAssessment', 'UnderReview', 'AwaitingDecision', 'Decided', 'Rejected'];
    expect(steps.filter((status) => !(queue.counts[status] >= 1))).toEqual([]);
    expect(queue.counts.Decided).toBeGreaterThanOrEqual(5);
    expect(queue.items.map((i) => i.designationStatus)).toEqual(expect.arrayContaining(['active', 'suspended', 'renewed']));
    const luis = queue.items.find((i) => i.leaderName === 'Luis Moreno')!;
    const evidence = await staff<{ kind: string }[]>(`/applications/${luis.id}/evidence`);
    expect(evidence.map((e) => e.kind).sort()).toEqual(['document', 'link']);
    const cycles = await staff<{ year: number }[]>('/award-cycles');
    expect(cycles).toHaveLength(1);
    const cycle = await staff<object>(`/award-cycles/${cycles[0].year}`);
    expect(JSON.stringify(cycle)).toContain('accepted');

    const reviewer = await as('reviewer');
    const assignments = await reviewer<{ status?: string }[]>('/reviewers/me/assignments');
    expect(assignments.length).toBeGreaterThan(0);
    expect(await reviewer<unknown[]>('/reviewers/me/progress-confirmations')).toHaveLength(1);

    const board = await as('board');
    const awaiting = (await board<{ status: string; appealOf: object | null }[]>('/board/queue')).filter(
      (i) => i.status === 'AwaitingDecision',
    );
    expect(awaiting.map((i) => i.appealOf !== null).sort()).toEqual([false, true]);

    const auditor = await as('auditor');
    expect(await auditor<{ ok: boolean }>('/audit/verify')).toEqual(expect.objectContaining({ ok: true }));

    const operator = await as('operator');
    expect(await operator<{ status: string }>('/health')).toEqual(expect.objectContaining({ status: 'ok' }));

    const applicant = await as('applicant');
    const own = await applicant<{ role: string }[]>('/applications');
    expect(own.length).toBe(2);
    expect(await applicant<unknown[]>('/me/award-invitations')).toHaveLength(1);

    const directory = (await (await fetch(`${base}/directory`)).json()) as { count: number; years: number[] };
    expect(directory.count).toBe(3);
    const book = await fetch(`${base}/directory/books/${directory.years[0]}.pdf`);
    expect(book.status).toBe(200);
    expect(book.headers.get('content-type')).toMatch(/application\/pdf/);
  });

  it('writes nothing dated after the real now', () => {
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      const latest = (db.prepare("SELECT MAX(json_extract(metadata, '$.occurredAt')) AS at FROM events").get() as { at: string }).at;
      expect(Date.parse(latest)).toBeLessThanOrEqual(Date.now());
    } finally {
      db.close();
    }
  });

  it('refuses a second run on the same directory and leaves the log untouched', async () => {
    const log = join(dataDir, 'events.sqlite');
    await demo.stop();
    const before = createHash('sha256').update(readFileSync(log)).digest('hex');

    const again = runDemo(dataDir, await freePort());
    let said = '';
    again.stderr!.on('data', (d) => (said += d));
    const code = await new Promise<number | null>((resolve) => again.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(said).toMatch(/already holds \d+ events: the demo seeds only an empty data directory/);
    expect(createHash('sha256').update(readFileSync(log)).digest('hex')).toBe(before);
  });
});
