import { TestApp, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, Who uses it: staff invite the people who run the cycle from the web, change their roles and
 * deactivate them; each change is recorded with who made it and why, and auditors read it.
 */
describe('people administration over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The service answers on its own address: links must carry PUBLIC_URL, whatever port it listens on.
    t = await startApp({ env: { PUBLIC_URL: 'https://certify.iasl.example', PORT: '4123' } });
  });
  afterAll(() => t.close());

  const PASSWORD = 'a long and memorable passphrase';
  const linkIn = (text: string) => /(https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+))/.exec(text);

  it('given staff invite a reviewer, then the mail carries a link under PUBLIC_URL, the reviewer sets a password and signs in; a change of role and a deactivation follow, each with who and why', async () => {
    const staff = await signInWithPassword(t, 'staff', 'grace@iasl.org');
    const auditor = await signInWithPassword(t, 'auditor', 'audrey@iasl.org');

    const invited = await t
      .http()
      .post('/people/invitations')
      .set(staff.auth)
      .send({
        email: 'Ines.Duarte@example.org',
        name: 'Dr. Inês Duarte',
        role: 'reviewer',
        institution: 'Lisbon STEM Academy',
        region: 'Portugal',
        expertise: 'Engineering programmes',
      })
      .expect(201);
    expect(invited.body.events).toEqual(['AccountInvited']);
    expect(invited.body.person).toEqual(
      expect.objectContaining({
        name: 'Dr. Inês Duarte',
        email: 'ines.duarte@example.org',
        role: 'reviewer',
        status: 'invited',
        institution: 'Lisbon STEM Academy',
        expertise: 'Engineering programmes',
      }),
    );
    const id = invited.body.person.id as string;

    const mail = t.mailer.to('ines.duarte@example.org').at(-1)!;
    expect(mail.text).toContain('invited you to IASL certification as reviewer');
    const link = linkIn(mail.text)!;
    expect(link[1]).toMatch(/^https:\/\/certify\.iasl\.example\/set-password\?token=/);

    await t.http().post('/auth/password').send({ token: link[2], password: PASSWORD }).expect(204);
    const login = await t.http().post('/auth/login').send({ email: 'ines.duarte@example.org', password: PASSWORD }).expect(200);
    const reviewer = { Authorization: `Bearer ${login.body.token as string}` };
    await t.http().get('/reviewers/me/assignments').set(reviewer).expect(200);
    const listed = await t.http().get('/people').set(staff.auth).expect(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ id, status: 'active', role: 'reviewer' }));

    // A second invitation to the same address is refused, and an active person has no invitation to re-send.
    await t
      .http()
      .post('/people/invitations')
      .set(staff.auth)
      .send({ email: 'ines.duarte@example.org', name: 'Again', role: 'board' })
      .expect(409);
    const resend = await t.http().post(`/people/${id}/invitation`).set(staff.auth).expect(409);
    expect(resend.body.code).toBe('account.already_active');

    // Nobody but staff administers people, the reviewer themself included.
    const refused = await t
      .http()
      .put(`/people/${id}/role`)
      .set(reviewer)
      .send({ role: 'staff', reason: 'I would like more powers.' })
      .expect(403);
    expect(refused.body.code).toBe('access.denied');
    await t.http().get('/people').set(auditor.auth).expect(403);

    // A change of role needs a reason, named in words.
    const noReason = await t.http().put(`/people/${id}/role`).set(staff.auth).send({ role: 'board' }).expect(400);
    expect(JSON.stringify(noReason.body.errors)).toContain('why the role changes');

    const changed = await t
      .http()
      .put(`/people/${id}/role`)
      .set(staff.auth)
      .send({ role: 'board', reason: 'Elected to the advisory board.' })
      .expect(200);
    expect(changed.body).toEqual({ person: expect.objectContaining({ role: 'board' }), events: ['AccountRoleChanged'] });
    // The new role applies to the very next request of the same session.
    await t.http().get('/reviewers/me/assignments').set(reviewer).expect(403);
    await t.http().get('/board/queue').set(reviewer).expect(200);

    const deactivated = await t
      .http()
      .post(`/people/${id}/deactivation`)
      .set(staff.auth)
      .send({ reason: 'Left IASL at the end of her term.' })
      .expect(200);
    expect(deactivated.body).toEqual({ person: expect.objectContaining({ status: 'deactivated' }), events: ['AccountDeactivated'] });
    // Their session ends at once, and their password opens nothing.
    await t.http().get('/auth/me').set(reviewer).expect(401);
    await t.http().post('/auth/login').send({ email: 'ines.duarte@example.org', password: PASSWORD }).expect(401);

    // The history, read by staff and auditors: who did what and why, in names.
    const history = await t.http().get(`/people/${id}/history`).set(auditor.auth).expect(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['AccountInvited', 'AccountRoleChanged', 'AccountDeactivated']);
    expect(history.body.map((e: { summary: string }) => e.summary)).toEqual([
      'grace invited Dr. Inês Duarte as Reviewer',
      'grace changed the role of Dr. Inês Duarte from Reviewer to Advisory board: Elected to the advisory board.',
      'grace deactivated Dr. Inês Duarte: Left IASL at the end of her term.',
    ]);
    expect(history.body[2]).toEqual(expect.objectContaining({ actorId: staff.id, actorName: 'grace' }));
    // Still listed, with her name: her past actions keep it.
    const after = await t.http().get('/people').set(staff.auth).expect(200);
    expect(after.body).toContainEqual(expect.objectContaining({ id, name: 'Dr. Inês Duarte', status: 'deactivated' }));
  });

  it('re-sends an invitation with a new link, and the earlier link stops working', async () => {
    const staff = await signInWithPassword(t, 'staff', 'grace@iasl.org');
    const invited = await t
      .http()
      .post('/people/invitations')
      .set(staff.auth)
      .send({ email: 'bo@iasl.org', name: 'Bo Lindqvist', role: 'board' })
      .expect(201);
    const id = invited.body.person.id as string;
    const first = linkIn(t.mailer.to('bo@iasl.org').at(-1)!.text)![2];
    const again = await t.http().post(`/people/${id}/invitation`).set(staff.auth).expect(200);
    expect(again.body.events).toEqual(['AccountInvitationResent']);
    const second = linkIn(t.mailer.to('bo@iasl.org').at(-1)!.text)![2];
    expect(second).not.toBe(first);
    await t.http().post('/auth/password').send({ token: first, password: PASSWORD }).expect(401);
    await t.http().post('/auth/password').send({ token: second, password: PASSWORD }).expect(204);
  });

  it('refuses staff deactivating themself (403 account.self)', async () => {
    const staff = await signInWithPassword(t, 'staff', 'grace@iasl.org');
    const res = await t.http().post(`/people/${staff.id}/deactivation`).set(staff.auth).send({ reason: 'Testing the limits.' }).expect(403);
    expect(res.body.code).toBe('account.self');
  });
});
