import { EventStore } from '@cert/event-store';
import { surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a nomination waits for the leader it
 * names; the leader's own survey replaces the nominator's text; the nominator sees only what they sent; the leader
 * changes their survey until staff screen it; possible duplicates are flagged to staff, never merged.
 */
describe('nominations, claims and survey changes over HTTP', () => {
  let t: TestApp;
  let staff: Session;

  beforeAll(async () => {
    t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
  });
  afterAll(() => t.close());

  const read = (path: string, who: Session, after?: string | null) =>
    t
      .http()
      .get(after ? `${path}?after=${after}` : path)
      .set(who.auth);
  const head = async () => (await t.get(EventStore).head())?.position ?? null;
  const mailText = (email: string) => t.mailer.to(email).map((m) => `${m.subject}\n${m.text}`);

  it("a stranger's nomination neither shows the leader's application to the stranger nor keeps the stranger's text", async () => {
    const stranger = await signInByEmail(t, 'stranger@example.net');
    const nominated = await t
      .http()
      .post('/applications')
      .set(stranger.auth)
      .send({
        ...surveyFor('Ada R.', 'ada@riverside.edu', 'Riverside STEM Academy'),
        programDescription: 'Text written by a stranger, not by the leader.',
        asNominator: true,
      })
      .expect(201);
    // The stranger's answer says only that the nomination was received, not what it met.
    expect(nominated.body).toEqual({ applicationId: expect.any(String), position: expect.any(String), nomination: true });
    const id = nominated.body.applicationId as string;
    await settle(t);

    // The leader is asked to claim it; the stranger gets a receipt.
    const ada = await signInByEmail(t, 'ada@riverside.edu');
    expect(mailText('ada@riverside.edu').join('\n')).toContain('nominated you and Riverside STEM Academy');
    expect(mailText('ada@riverside.edu').join('\n')).not.toContain('IASL has received the nomination of');

    // The leader applies herself: her answers take over the application, nothing of hers is discarded.
    const own = {
      ...surveyFor('Dr. Ada Rivers', 'ada@riverside.edu', 'Riverside STEM Academy'),
      programDescription: 'The leader wrote this.',
    };
    const applied = await t.http().post('/applications').set(ada.auth).send(own).expect(201);
    expect(applied.body).toEqual(expect.objectContaining({ applicationId: id, events: ['NominationClaimed'], duplicate: false }));

    const staffView = await read(`/applications/${id}`, staff, applied.body.position).expect(200);
    expect(staffView.body).toEqual(expect.objectContaining({ leaderName: 'Dr. Ada Rivers', nominationStatus: 'claimed' }));
    expect(staffView.body.survey.programDescription).toBe('The leader wrote this.');
    const adaView = await read(`/applications/${id}`, ada).expect(200);
    expect(adaView.body.survey.programDescription).toBe('The leader wrote this.');
    const adaList = await read('/applications', ada).expect(200);
    expect(adaList.body).toEqual([{ role: 'applicant', application: expect.objectContaining({ id, leaderName: 'Dr. Ada Rivers' }) }]);

    // The stranger sees their nomination as they wrote it, and nothing of the leader's application.
    const list = await read('/applications', stranger).expect(200);
    expect(list.body).toEqual([
      {
        role: 'nominator',
        nomination: {
          id,
          reference: expect.any(String),
          leaderName: 'Ada R.',
          institutionName: 'Riverside STEM Academy',
          submittedAt: expect.any(String),
        },
      },
    ]);
    const ack = await read(`/applications/${id}`, stranger).expect(200);
    expect(Object.keys(ack.body).sort()).toEqual(['id', 'received', 'reference', 'submittedAt']);
    expect(JSON.stringify(ack.body)).not.toContain('Rivers');
    await read(`/applications/${id}/timeline`, stranger).expect(403);
    await t.http().post(`/applications/${id}/claim`).set(stranger.auth).send(own).expect(403);

    await settle(t);
    expect(mailText('ada@riverside.edu').join('\n')).toContain('IASL has received your application for');
    const strangerMail = mailText('stranger@example.net').filter((m) => !m.includes('sign in'));
    expect(strangerMail.join('\n')).toContain('IASL has received your nomination');
    expect(strangerMail.join('\n')).not.toMatch(/Ada Rivers|The leader wrote this|claimed/);
  });

  it('holds an unclaimed nomination back from screening until the leader claims it with their own answers', async () => {
    const fan = await signInByEmail(t, 'fan@parents.org');
    const nominated = await t
      .http()
      .post('/applications')
      .set(fan.auth)
      .send({ ...surveyFor('Ben Okafor', 'ben@harbor.edu', 'Harbor High'), asNominator: true })
      .expect(201);
    const id = nominated.body.applicationId as string;
    await read(`/applications/${id}`, staff, nominated.body.position).expect(200);

    // The work side appends notifications in the background: let it finish first.
    await settle(t);
    const before = await head();
    const refused = await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(409);
    expect(refused.body).toEqual(
      expect.objectContaining({ code: 'survey.unclaimed', detail: expect.stringContaining('nominated on 2026-03-02') }),
    );
    expect(await head()).toBe(before);

    const ben = await signInByEmail(t, 'ben@harbor.edu');
    const benList = await read('/applications', ben).expect(200);
    expect(benList.body).toEqual([{ role: 'applicant', application: expect.objectContaining({ id, nominationStatus: 'pending' }) }]);
    const claimed = await t
      .http()
      .post(`/applications/${id}/claim`)
      .set(ben.auth)
      .send({ ...surveyFor('Ben Okafor', 'ben@harbor.edu', 'Harbor High'), yearsRunning: 11 })
      .expect(200);
    expect(claimed.body.events).toEqual(['NominationClaimed']);
    await read(`/applications/${id}`, staff, claimed.body.position).expect(200);
    await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
  });

  it('lets the leader change their survey before screening, and refuses after, saying when it was screened', async () => {
    const cara = await signInByEmail(t, 'cara@lakeside.edu');
    const survey = surveyFor('Cara Lind', 'cara@lakeside.edu', 'Lakeside Academy');
    const submitted = await t.http().post('/applications').set(cara.auth).send(survey).expect(201);
    const id = submitted.body.applicationId as string;
    await read(`/applications/${id}`, cara, submitted.body.position).expect(200);

    // Posting a corrected survey again no longer answers "duplicate" and keeps the old one: it says where to change it.
    const reposted = await t
      .http()
      .post('/applications')
      .set(cara.auth)
      .send({ ...survey, studentsServed: 510 })
      .expect(409);
    expect(reposted.body).toEqual(
      expect.objectContaining({ code: 'survey.already_submitted', detail: expect.stringContaining('change your answers') }),
    );

    const amended = await t
      .http()
      .put(`/applications/${id}/survey`)
      .set(cara.auth)
      .send({ ...survey, studentsServed: 510 })
      .expect(200);
    expect(amended.body.events).toEqual(['SurveyAmended']);
    const view = await read(`/applications/${id}`, staff, amended.body.position).expect(200);
    expect(view.body.survey.studentsServed).toBe(510);
    const timeline = await read(`/applications/${id}/timeline`, cara).expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(['SurveySubmitted', 'SurveyAmended']);

    await t.http().put(`/applications/${id}/survey`).set(staff.auth).send(survey).expect(403);
    t.clock.set('2026-03-03T14:30:00.000Z');
    staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
    const caraAgain = await signInByEmail(t, 'cara@lakeside.edu');
    const accepted = await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
    await read(`/applications/${id}`, staff, accepted.body.position).expect(200);
    // The work side appends notifications in the background: let it finish first.
    await settle(t);
    const before = await head();
    const late = await t
      .http()
      .put(`/applications/${id}/survey`)
      .set(caraAgain.auth)
      .send({ ...survey, studentsServed: 600 })
      .expect(409);
    expect(late.body).toEqual(
      expect.objectContaining({ code: 'survey.already_screened', detail: expect.stringContaining('screened on 2026-03-03 14:30 UTC') }),
    );
    expect(await head()).toBe(before);
  });

  it('flags a possible duplicate to staff at screening, with the other application, and merges nothing', async () => {
    const dana = await signInByEmail(t, 'dana@delta.edu');
    const first = await t
      .http()
      .post('/applications')
      .set(dana.auth)
      .send(surveyFor('Dana Diaz', 'dana@delta.edu', 'Delta School'))
      .expect(201);
    const danaHome = await signInByEmail(t, 'dana.diaz@home.example');
    const second = await t
      .http()
      .post('/applications')
      .set(danaHome.auth)
      .send(surveyFor('dr. dana diaz', 'dana.diaz@home.example', ' delta  school'))
      .expect(201);
    expect(second.body.applicationId).not.toBe(first.body.applicationId);

    const reference = (await read(`/applications/${first.body.applicationId}`, staff, second.body.position).expect(200)).body.reference;
    const view = await read(`/applications/${second.body.applicationId}`, staff).expect(200);
    expect(view.body.possibleDuplicates).toEqual([
      expect.objectContaining({ id: first.body.applicationId, reference, why: 'same-leader', status: 'Screening' }),
    ]);
    const queue = await read('/applications?status=Screening', staff).expect(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === second.body.applicationId);
    expect(item.possibleDuplicates).toEqual([expect.objectContaining({ id: first.body.applicationId })]);
    // The applicant sees no such thing.
    const own = await read(`/applications/${second.body.applicationId}`, danaHome).expect(200);
    expect(own.body).not.toHaveProperty('possibleDuplicates');

    // Staff find it is not the same program: recorded as an event, and the flag goes from both applications.
    const dismissed = await t
      .http()
      .post(`/applications/${second.body.applicationId}/not-duplicates`)
      .set(staff.auth)
      .send({ otherApplicationId: first.body.applicationId })
      .expect(200);
    expect(dismissed.body.events).toEqual(['DuplicateDismissed']);
    const after = await read(`/applications/${second.body.applicationId}`, staff, dismissed.body.position).expect(200);
    expect(after.body.possibleDuplicates).toEqual([]);
    expect((await read(`/applications/${first.body.applicationId}`, staff).expect(200)).body.possibleDuplicates).toEqual([]);
    const timeline = await read(`/applications/${second.body.applicationId}/timeline`, staff).expect(200);
    expect(timeline.body.at(-1).summary).toBe(`Checked by staff: not a duplicate of ${reference}`);
    await t
      .http()
      .post(`/applications/${second.body.applicationId}/not-duplicates`)
      .set(danaHome.auth)
      .send({ otherApplicationId: first.body.applicationId })
      .expect(403);
  });
});
