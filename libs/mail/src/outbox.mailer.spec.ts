import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { FixedClock } from '@cert/testing';
import { OutboxMailer, recipientTag } from './outbox.mailer';

/** Splits a raw .eml into its (unfolded) headers and body, enough to check what a mail client would show. */
function parseEml(raw: string) {
  const [head, ...rest] = raw.split('\n\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: rest.join('\n\n') };
}

describe('OutboxMailer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'outbox-'))));
  let logged: string[];
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one parseable .eml per message into a folder it creates', async () => {
    const outbox = join(dir, 'nested', 'outbox');
    const mailer = new OutboxMailer(outbox, 'IASL <certification@iasl.local>', new FixedClock('2026-03-01T10:20:30.000Z'));

    const { messageId } = await mailer.send({
      to: 'leader@school.example',
      subject: 'Your sign-in link',
      text: 'Open https://x.test/sign-in?token=abc',
    });

    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^2026-03-01T10-20-30\.000Z-[A-Za-z0-9._-]+\.eml$/);
    const { headers, body } = parseEml(readFileSync(join(outbox, files[0]), 'utf8'));
    expect(headers.get('subject')).toBe('Your sign-in link');
    expect(headers.get('to')).toBe('leader@school.example');
    expect(headers.get('from')).toBe('IASL <certification@iasl.local>');
    expect(headers.get('message-id')).toBe(messageId);
    expect(body.trim()).toBe('Open https://x.test/sign-in?token=abc');
    // The log names the file and a hash of the recipient, never the address, the subject or the text.
    expect(logged).toEqual([`mail to recipient ${recipientTag('leader@school.example')} written to ${join(outbox, files[0])}`]);
    expect(logged.join('\n')).not.toMatch(/leader@school|sign-in|token=abc/);
  });

  it('deletes the messages of an erased person: tagged with their subject, or addressed to them', async () => {
    const mailer = new OutboxMailer(dir, 'IASL <certification@iasl.local>');
    await mailer.send({ to: 'reviewer@uni.example', subject: 'Review', text: 'About Ada Lovelace', subjects: ['subj-ada', 'subj-other'] });
    await mailer.send({ to: 'ada@school.example', subject: 'Sign in', text: 'link' });
    await mailer.send({ to: 'bob@school.example', subject: 'Decision', text: 'About Bob', subjects: ['subj-bob'] });

    expect(await mailer.purge({ subjects: ['subj-ada'], emails: ['Ada@School.example'] })).toBe(2);

    const left = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('bob@school.example');
    expect(left[0]).toMatch(/^X-IASL-Subjects: subj-bob$/im);
    expect(await new OutboxMailer(join(dir, 'never-written'), 'x@y.example').purge({ subjects: ['a'], emails: [] })).toBe(0);
  });

  it('uses the idempotency key as the Message-ID, so a retried notification is recognisable', async () => {
    const mailer = new OutboxMailer(dir, 'certification@iasl.local');

    const { messageId } = await mailer.send({ to: 'a@b.example', subject: 's', text: 't', idempotencyKey: 'evt-42-reminder' });

    expect(messageId).toBe('<evt-42-reminder@iasl.local>');
    expect(readdirSync(dir)[0]).toMatch(/-evt-42-reminder_iasl\.local\.eml$/);
  });
});
