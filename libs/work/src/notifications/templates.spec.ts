import { toMail } from './mail';
import { TEMPLATE_NAMES } from './notification-job';
import { compose } from './templates';

const ctx = {
  reference: 'APP-2026-3F1C2A',
  leaderName: 'Dr. Ada <Rivers>',
  institutionName: 'Riverside STEM Academy',
  applicationId: 'app-1',
  publicUrl: 'https://cert.iasl.org',
  now: '2026-02-01T09:00:00.000Z',
  params: {
    dueAt: '2026-02-13T09:00:00.000Z',
    progressDueAt: '2026-03-01T09:00:00.000Z',
    appealUntil: '2026-03-01T09:00:00.000Z',
    outcome: 'CharterMembership',
    appealedOutcome: 'NotYetReady',
    reason: 'overdue',
    reviewerId: 'rev-a',
    purpose: 'review',
    year: 2027,
    award: 'IASL Leadership Award 2027',
    summitStartsAt: '2027-04-24T15:00:00.000Z',
    summitPlace: 'Washington, DC',
    rsvpBy: '2026-02-08T09:00:00.000Z',
    nominatedByRole: 'applicant',
  },
};

describe('notification templates', () => {
  it.each(TEMPLATE_NAMES)('%s names the reference and links back to the web app, in text and HTML', (template) => {
    const mail = toMail(compose(template, ctx));
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(`${mail.subject} ${mail.text}`).toContain('APP-2026-3F1C2A');
    expect(mail.text).toContain('https://cert.iasl.org/');
    expect(mail.html).toContain('href="https://cert.iasl.org/');
  });

  it('says how long is left with the exact date', () =>
    expect(toMail(compose('assessment-reminder', ctx)).text).toContain('in 12 days (Fri, 13 Feb 2026 09:00:00 UTC)'));

  it('escapes what people typed in the HTML part', () => {
    const mail = toMail(compose('assessment-invitation', ctx));
    expect(mail.html).toContain('Dr. Ada &lt;Rivers&gt;');
    expect(mail.html).not.toContain('<Rivers>');
  });
});

describe('mail about an intake survey', () => {
  it('tells a leader who applied themself that IASL received their application', () =>
    expect(toMail(compose('application-received', ctx)).text).toContain('IASL has received your application for APP-2026-3F1C2A'));

  it('asks a nominated leader to claim the nomination with their own answers', () =>
    expect(toMail(compose('nomination-to-claim', ctx)).text).toMatch(
      /nominated you and Riverside STEM Academy[\s\S]*claim the nomination/,
    ));

  it('gives the nominator a receipt that names nothing the leader wrote or did', () => {
    const mail = toMail(compose('nomination-received', ctx));
    expect(mail.text).toContain('IASL has received your nomination (APP-2026-3F1C2A)');
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/Rivers|Riverside/);
  });
});

describe('mail to reviewers', () => {
  it.each(['reviewer-assigned', 'reviewer-reminder'] as const)('%s withholds the institution (blind review)', (template) => {
    const mail = toMail(compose(template, ctx));
    expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain('Riverside');
    expect(mail.text).toContain('APP-2026-3F1C2A');
  });
});

describe('mail to staff and the board about work waiting', () => {
  const released = (params: Record<string, unknown>) =>
    toMail(
      compose('reviewer-released', {
        ...ctx,
        params: { reviewerName: 'Bob Reviewer', reviewersRequired: 2, stillInReview: true, ...params },
      }),
    );

  it('names a conflict and a shortfall in the subject, and the reviewer by name', () => {
    const mail = released({ reason: 'conflict of interest declared: my cousin leads it', reviewersActive: 1 });
    expect(mail.subject).toBe('Conflict of interest: reviewer released from APP-2026-3F1C2A, needs reviewers');
    expect(mail.text).toContain('Bob Reviewer was released');
    expect(mail.text).toContain('It has 1 of the 2 reviewers it needs: please assign another.');
  });

  it('says nothing is to assign once a replacement is in', () => {
    const mail = released({ reason: 'overdue', reviewersActive: 2 });
    expect(mail.subject).toBe('Reviewer released from APP-2026-3F1C2A');
    expect(mail.text).toContain('nothing to assign');
  });

  it('links the board to the application waiting for its decision', () => {
    const mail = toMail(compose('decision-waiting', { ...ctx, params: { recommendation: 'CharterMembership' } }));
    expect(mail.subject).toBe('Waiting for your decision: APP-2026-3F1C2A');
    expect(mail.text).toContain('recommendation: charter membership');
    expect(mail.text).toContain('https://cert.iasl.org/board/applications/app-1');
  });
});
