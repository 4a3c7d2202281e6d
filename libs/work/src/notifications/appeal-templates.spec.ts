import { toMail } from './mail';
import { compose } from './templates';

const ctx = {
  reference: 'APP-2026-3F1C2A',
  leaderName: 'Dr. Ada Rivers',
  institutionName: 'Riverside STEM Academy',
  applicationId: 'app-1',
  publicUrl: 'https://cert.iasl.org',
  now: '2026-02-01T09:00:00.000Z',
  params: { outcome: 'CharterMembership', appealedOutcome: 'NotYetReady' },
};

describe('appeal notification templates', () => {
  it('tells the applicant the outcome of the appeal, the decision it answers, and that it is final', () => {
    const mail = toMail(compose('appeal-outcome', ctx));
    expect(mail.subject).toContain('appeal');
    expect(mail.text).toContain('charter membership (the decision appealed was not yet ready)');
    expect(mail.text).toContain('This decision is final');
    expect(mail.text).not.toContain('You may appeal');
  });

  it('acknowledges the appeal to the applicant', () =>
    expect(toMail(compose('appeal-received', ctx)).text).toContain(
      'received your appeal of the decision on Riverside STEM Academy (not yet ready)',
    ));

  it('asks staff to route the appeal, linking to the staff page', () => {
    const mail = toMail(compose('appeal-filed', ctx));
    expect(mail.text).toContain('route the appeal');
    expect(mail.text).toContain('https://cert.iasl.org/staff/applications/app-1');
  });
});
