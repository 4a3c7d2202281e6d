import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { surveyFor } from './support/cycle-data';
import { startSmtpSink } from './support/smtp-sink';
import { TestApp, signInByEmail, startApp } from './support/test-app';
import { exited, startWorker, waitUntil } from './support/worker-process';

type FeedItem = { template: string; applicationId: string };

/**
 * docs/ARCHITECTURE.md, Distributed: an api with RUN_WORK_SIDE=false leaves reactors and processors to a worker process,
 * and still keeps its own read models current. What the worker records in the log (here: the notification it sent)
 * must reach the api's read tables by polling, with no read position asked for and nothing else to trigger a catch-up.
 */
describe('an api that leaves the work side to a worker process (RUN_WORK_SIDE=false)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iasl-split-'));
  let api: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: ReturnType<typeof startWorker>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // One machine, two processes: the log, keys and accounts are shared files; each process has its own read models.
    api = await startApp({ dataDir: dir, env: { RUN_WORK_SIDE: 'false', READ_DB_PATH: join(dir, 'api-read-models.sqlite') } });
    worker = startWorker({
      DATA_DIR: dir,
      READ_DB_PATH: join(dir, 'worker-read-models.sqlite'),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: sink.url,
      PUBLIC_URL: 'http://app.test',
    });
  });

  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await api?.close();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends the applicant's notification from the worker, and the api's feed shows it without being asked to wait", async () => {
    const lena = await signInByEmail(api, 'lena@ridge.edu');
    const submitted = await api
      .http()
      .post('/applications')
      .set(lena.auth)
      .send(surveyFor('Lena Ruiz', lena.email, 'Ridge High'))
      .expect(201);
    const { applicationId } = submitted.body as { applicationId: string };

    const feed = async (): Promise<FeedItem[]> => (await api.http().get('/me/notifications').set(lena.auth).expect(200)).body.items;
    await waitUntil(async () => (await feed()).length > 0, 30_000, `the notification in the api's feed (worker: ${worker.output()})`);

    expect(await feed()).toEqual([expect.objectContaining({ template: 'application-received', applicationId })]);
    // Sent once, by the worker over SMTP; the api's own mailer carried only the sign-in link.
    expect([...sink.deliveries.keys()]).toEqual([expect.stringContaining('application-received')]);
    expect(api.mailer.to(lena.email).map((m) => m.subject)).toHaveLength(1);
    expect(api.mailer.to(lena.email)[0].text).toMatch(/token=/);
  });
});
