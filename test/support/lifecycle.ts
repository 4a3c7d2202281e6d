import { ratings, scores } from './cycle-data';
import { Session, TestApp } from './test-app';

/** Who moves an application through the lifecycle's steps: staff screen and assign, reviewers score, the board decides. */
export type Panel = { staff: Session; board: Session; reviewers: readonly Session[] };

export type Outcome = 'ProgramOfExcellence' | 'CharterMembership' | 'NotYetReady';

/** The answer of a command over HTTP: the events it appended and the log position to read after. */
export type Written = { events: string[]; position: string };

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: the intake survey submitted by the applicant and
 * accepted by staff. Returns the application id.
 */
export async function submitAccepted(t: TestApp, applicant: Session, staff: Session, survey: object): Promise<string> {
  const id: string = (await t.http().post('/applications').set(applicant.auth).send(survey).expect(201)).body.applicationId;
  await t.http().post(`/applications/${id}/screening/accept`).set(staff.auth).expect(200);
  return id;
}

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), steps 2-4, on an accepted application: the
 * applicant's assessment at one level, the panel's reviewers assigned by hand, each scoring at that level and
 * recommending the outcome, then the board deciding it.
 */
export async function reviewToDecision(
  t: TestApp,
  id: string,
  applicant: Session,
  panel: Panel,
  opts: { level: number; outcome: Outcome; justification?: string },
): Promise<{ lastScores: Written; decision: Written }> {
  const { staff, board, reviewers } = panel;
  await t
    .http()
    .post(`/applications/${id}/assessment`)
    .set(applicant.auth)
    .send({ ratings: ratings(opts.level) })
    .expect(201);
  await t
    .http()
    .post(`/applications/${id}/reviewers`)
    .set(staff.auth)
    .send({ mode: 'manual', reviewerIds: reviewers.map((r) => r.id) })
    .expect(201);
  let lastScores: Written | null = null;
  for (const r of reviewers) {
    lastScores = (
      await t
        .http()
        .post(`/applications/${id}/scores`)
        .set(r.auth)
        .send({ scores: scores(opts.level), recommendation: opts.outcome })
        .expect(201)
    ).body;
  }
  const decided = await t
    .http()
    .post(`/applications/${id}/decision`)
    .set(board.auth)
    .send({ outcome: opts.outcome, ...(opts.justification && { justification: opts.justification }) })
    .expect(200);
  return { lastScores: lastScores!, decision: decided.body };
}

/** The whole lifecycle over HTTP, survey to decision, as people do it. */
export async function decideOverHttp(
  t: TestApp,
  applicant: Session,
  panel: Panel,
  opts: { survey: object; level: number; outcome: Outcome; justification?: string },
): Promise<{ id: string; lastScores: Written; decision: Written }> {
  const id = await submitAccepted(t, applicant, panel.staff, opts.survey);
  return { id, ...(await reviewToDecision(t, id, applicant, panel, opts)) };
}
