import { CommandBus } from '@nestjs/cqrs';
import { AssignReviewersCommand, CommandBody, DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import { Actor, OUTCOMES, Outcome, Survey, addDays, applicationStream, icMapV1, indicatorCodes } from '@cert/domain';
import { EventStore, RecordedEvent } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { FixedClock } from '@cert/testing';

/** Dev-only: drives a whole certification cycle through the real command handlers, with a seeded variety of paths. */
export type CycleDeps = { commands: CommandBus; identity: IdentityStore; clock: FixedClock; store: EventStore };

export type CycleSummary = {
  applicationIds: string[];
  outcomes: Record<Outcome, number>;
  overruled: number;
  boardRulings: number;
  extraReviewers: number;
  released: number;
  extended: number;
};

const CODES = indicatorCodes(icMapV1);
const REGIONS = ['Ontario', 'Kenya', 'Chile', 'Bavaria', 'Kerala', 'Queensland', 'Texas', 'Wales'];

/** mulberry32: a small seeded generator, so a failing cycle can be replayed exactly. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const clamp = (n: number) => Math.min(5, Math.max(1, n)) as 1 | 2 | 3 | 4 | 5;

const survey = (i: number): Survey => ({
  leaderName: `Leader ${i}`,
  contactEmail: `leader${i}@school${i}.example`,
  institution: { name: `School ${i}`, type: 'school', country: 'US', region: 'South Carolina' },
  programDescription: `School ${i} runs robotics, coding and a maker space for every grade.`,
  yearsRunning: 1 + (i % 9),
  studentsServed: 100 + i,
  focusAreas: ['robotics', 'coding'],
  underrepresentedReach: 'Most students come from groups under-represented in STEM.',
  partners: [`Partner ${i}`],
});

export async function seedCycle(deps: CycleDeps, count: number, seed = 5): Promise<CycleSummary> {
  const { commands, identity, clock, store } = deps;
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const staff: Actor = {
    id: (await identity.createUser({ email: 'cycle-staff@iasl.example', name: 'Staff', role: 'staff' })).id,
    role: 'staff',
  };
  const board: Actor = {
    id: (await identity.createUser({ email: 'cycle-board@iasl.example', name: 'Board', role: 'board' })).id,
    role: 'board',
  };
  for (const [n, region] of REGIONS.entries()) {
    await identity.createUser({
      email: `cycle-reviewer${n}@review.example`,
      name: `Reviewer ${n}`,
      role: 'reviewer',
      institution: `University ${n}`,
      region,
    });
  }
  const summary: CycleSummary = {
    applicationIds: [],
    outcomes: { ProgramOfExcellence: 0, CharterMembership: 0, NotYetReady: 0 },
    overruled: 0,
    boardRulings: 0,
    extraReviewers: 0,
    released: 0,
    extended: 0,
  };

  const step = async (id: string, body: CommandBody, actor: Actor) => {
    clock.advance({ minutes: 7 });
    return commands.execute(new DecideApplicationCommand(id, body, actor));
  };
  const events = async (id: string) => (await store.readStream(applicationStream(id))).events as RecordedEvent[];
  const assigned = async (id: string) =>
    (await events(id)).flatMap((e) => (e.type === 'ReviewerAssigned' ? [(e.data as { reviewerId: string }).reviewerId] : []));
  const lastOf = async <T>(id: string, type: string) => (await events(id)).filter((e) => e.type === type).at(-1)?.data as T;
  const scoresAt = (levels: number[]) =>
    CODES.map((indicator, k) => ({ indicator, level: clamp(levels[k]), comment: `Seen for ${indicator}` }));
  const score = (id: string, reviewerId: string, levels: number[]) =>
    step(
      id,
      { type: 'SubmitScores', data: { scores: scoresAt(levels), recommendation: pick(OUTCOMES) } },
      { id: reviewerId, role: 'reviewer' },
    );

  for (let i = 0; i < count; i++) {
    // An applicant account as signing in by email makes it: no name of its own, the survey's leader by its email.
    const email = `leader${i}@school${i}.example`;
    const applicant: Actor = { id: (await identity.createUser({ email, name: '', role: 'applicant' })).id, role: 'applicant', email };
    clock.advance({ minutes: 7 });
    const { applicationId: id } = await commands.execute(new SubmitSurveyCommand(survey(i), false, applicant));
    summary.applicationIds.push(id);
    await step(id, { type: 'AcceptSurvey', data: {} }, staff);
    if (random() < 0.1) {
      const { dueAt } = await lastOf<{ dueAt: string }>(id, 'SurveyAccepted');
      await step(id, { type: 'ExtendAssessmentDeadline', data: { dueAt: addDays(dueAt, 7), reason: 'District testing week' } }, staff);
      summary.extended++;
    }
    const base = 1 + Math.floor(random() * 5);
    const first = CODES.map(() => clamp(base + pick([-1, 0, 0, 1])));
    await step(
      id,
      {
        type: 'SubmitAssessment',
        data: { ratings: CODES.map((indicator, k) => ({ indicator, level: first[k], evidence: `Evidence ${k}` })) },
      },
      applicant,
    );
    clock.advance({ minutes: 7 });
    await commands.execute(new AssignReviewersCommand(id, { mode: 'auto', count: 2 }, staff));
    const [r1, firstSecondReviewer] = await assigned(id);
    let r2 = firstSecondReviewer;
    if (random() < 0.1) {
      await step(id, { type: 'ReleaseReviewer', data: { reviewerId: r2, reason: 'A conflict came to light' } }, staff);
      clock.advance({ minutes: 7 });
      await commands.execute(new AssignReviewersCommand(id, { mode: 'auto', count: 1 }, staff));
      r2 = (await assigned(id)).at(-1)!;
      summary.released++;
    }
    if (random() < 0.3)
      await step(id, { type: 'SaveScoresDraft', data: { scores: scoresAt(first).slice(0, 4) } }, { id: r1, role: 'reviewer' });
    await score(id, r1, first);
    // Close to the first reviewer's levels, except that one in five applications gets a strong disagreement.
    const second = first.map((level) => clamp(level + pick([0, 0, 1, -1])));
    if (random() < 0.2) {
      const k = Math.floor(random() * CODES.length);
      second[k] = clamp(first[k] >= 3 ? first[k] - 2 : first[k] + 2);
    }
    await score(id, r2, second);

    const required = await lastOf<{ disputed: { indicator: string }[] } | undefined>(id, 'AdjudicationRequired');
    if (required && random() < 0.5) {
      const rulings = required.disputed.map((d) => ({ indicator: d.indicator, level: first[CODES.indexOf(d.indicator)] }));
      await step(id, { type: 'ResolveAdjudication', data: { rulings, justification: 'The evidence supports the first reviewer.' } }, board);
      summary.boardRulings++;
    } else if (required) {
      clock.advance({ minutes: 7 });
      await commands.execute(new AssignReviewersCommand(id, { mode: 'auto', count: 1 }, staff));
      await score(
        id,
        (await assigned(id)).at(-1)!,
        first.map((l) => clamp(l + pick([-1, 0, 1]))),
      );
      summary.extraReviewers++;
    }
    const { recommendation } = await lastOf<{ recommendation: Outcome }>(id, 'RecommendationComputed');
    const overrule = random() < 0.2;
    const outcome = overrule ? pick(OUTCOMES.filter((o) => o !== recommendation)) : recommendation;
    const justification = overrule ? 'The site visit found the program differs from the written evidence.' : null;
    await step(id, { type: 'RecordDecision', data: { outcome, justification } }, board);
    summary.outcomes[outcome]++;
    if (overrule) summary.overruled++;
  }
  return summary;
}
