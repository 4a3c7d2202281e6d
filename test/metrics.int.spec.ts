import { surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/** Operators watch the service at /metrics in Prometheus' text format: what commands did, refusals, jobs, mail. */
describe('operators watch the service at /metrics', () => {
  const TOKEN = 'scrape-token-0123456789abcdef0123456789';
  let t: TestApp;
  let operator: Session, staff: Session, alice: Session;
  const scrape = async () => (await t.http().get('/metrics').set(operator.auth).expect(200)).text;
  const sample = (text: string, name: string, labels: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  beforeAll(async () => {
    t = await startApp({ env: { METRICS_TOKEN: TOKEN } });
    operator = await signInWithPassword(t, 'operator', 'ops@iasl.org');
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    alice = await signInByEmail(t, 'alice@riverside.edu');
  });
  afterAll(() => t?.close());

  it('counts commands by type and outcome, refusals by code, and the mail and jobs they caused', async () => {
    // Given a survey sent (a command appended) and sent again for another leader with a refused screening
    const before = await scrape();
    const id = (
      await t
        .http()
        .post('/applications')
        .set(alice.auth)
        .send(surveyFor('Alice Rivers', alice.email, 'Riverside'))
        .expect(201)
    ).body.applicationId as string;
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    // When staff try to accept it a second time (refused: already screened) and the work side sends the mail
    const refused = await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await settle(t);
    const after = await scrape();
    // Then the counters moved by what happened
    expect(sample(after, 'iasl_commands_total', 'command="SubmitSurvey",outcome="appended"')).toBe(
      sample(before, 'iasl_commands_total', 'command="SubmitSurvey",outcome="appended"') + 1,
    );
    expect(sample(after, 'iasl_http_problems_total', `status="${refused.status}",code="${refused.body.code}"`)).toBe(1);
    expect(sample(after, 'iasl_mail_total', 'outcome="sent"')).toBeGreaterThan(0);
    expect(sample(after, 'iasl_jobs_total', 'queue="notifications",outcome="done"')).toBeGreaterThan(0);
    expect(after).toMatch(/^iasl_command_duration_seconds_bucket\{le="0.1",command="SubmitSurvey"\} [1-9]/m);
    expect(after).toMatch(/^iasl_projection_lag_events 0$/m);
    expect(after).toMatch(/^iasl_queue_jobs\{queue="notifications",state="waiting"\} 0$/m);
  });

  it('counts verification runs by scope and result', async () => {
    const auditor = await signInWithPassword(t, 'auditor', 'auditor@iasl.org');
    const before = sample(await scrape(), 'iasl_verifications_total', 'scope="log",result="intact"');
    await t.http().get('/audit/verify').set(auditor.auth).expect(200);
    expect(sample(await scrape(), 'iasl_verifications_total', 'scope="log",result="intact"')).toBe(before + 1);
  });

  it('lets a Prometheus server scrape with METRICS_TOKEN, and nobody with another token or role', async () => {
    await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    await t.http().get('/metrics').set(staff.auth).expect(403);
    await t.http().get('/metrics').expect(401);
  });
});
