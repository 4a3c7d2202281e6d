import PDFDocument from 'pdfkit';
import { allIndicators, icMapV1 } from '@cert/domain';
import { CAST, Leader, Person } from './cast';
import { Story } from './timeline';

type Outcome = 'ProgramOfExcellence' | 'CharterMembership' | 'NotYetReady';
type Session = { id: string; token: string };
type Written = { applicationId: string; position: string; events: string[] } & Record<string, unknown>;

const DAY = 86_400_000;
const INDICATORS = allIndicators(icMapV1);

/** Levels per indicator, in the rubric's order: what a strong, a solid and an early program look like. */
const PROFILE = {
  strong: [5, 4, 4, 5, 4, 4, 5, 4, 4, 4, 5, 4, 4, 4, 5, 4],
  solid: [3, 3, 4, 3, 3, 2, 3, 3, 4, 3, 3, 3, 2, 3, 3, 3],
  early: [2, 1, 2, 2, 1, 2, 1, 1, 2, 2, 1, 1, 2, 1, 1, 2],
};
type Profile = keyof typeof PROFILE;

const EVIDENCE = [
  'Minutes of the STEM Leadership Team meetings and the plan they adopted',
  'Teacher survey results and the professional learning calendar',
  'Student project showcase photos and judges’ feedback',
  'Partnership agreements with local employers and the county extension office',
  'Parent night attendance records and the family newsletter',
  'Curriculum maps showing engineering design units in every grade',
];
const COMMENTS = [
  'The evidence shows this in practice, not only in plans.',
  'Documented across several years; the survey data supports it.',
  'A clear start; the next step is to reach every grade.',
  'Partners are named and their role is specific.',
];

/**
 * The service as the demo's people use it: each acts through the HTTP API with a session of their own, at the
 * timeline's date. Stories share the ids they create through `ids`.
 */
export class DemoWorld {
  private readonly sessions = new Map<string, Promise<Session>>();
  readonly ids = new Map<string, string>();

  constructor(
    private readonly base: string,
    readonly now: Date,
    private readonly signIn: (person: Person) => Promise<Session>,
  ) {}

  /** `daysAgo` days before the real now, at `hour` o'clock UTC (morning in the US). */
  day(daysAgo: number, hour = 14): Date {
    const d = new Date(this.now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  }

  year(date: Date): number {
    return date.getUTCFullYear();
  }

  session(person: Person): Promise<Session> {
    let s = this.sessions.get(person.email);
    if (!s) this.sessions.set(person.email, (s = this.signIn(person)));
    return s;
  }

  async send<T = Written>(who: Person, method: string, path: string, body?: object): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${(await this.session(who)).token}`, ...(body && { 'content-type': 'application/json' }) },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${who.name}: ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  post = <T = Written>(who: Person, path: string, body: object = {}) => this.send<T>(who, 'POST', path, body);

  /** An evidence document, uploaded as the web app does: multipart, the indicator in the query. */
  async upload(who: Person, id: string, indicator: string, fileName: string, pdf: Buffer): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), fileName);
    const path = `/applications/${id}/evidence/documents?purpose=assessment&indicator=${encodeURIComponent(indicator)}`;
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await this.session(who)).token}` },
      body: form,
    });
    if (!res.ok) throw new Error(`${who.name}: POST ${path} answered ${res.status}: ${await res.text()}`);
  }
  put = <T = Written>(who: Person, path: string, body: object) => this.send<T>(who, 'PUT', path, body);
}

type Program = { description: string; years: number; students: number; focus: string[]; reach: string; partners: string[] };

const survey = (leader: Leader, p: Program) => ({
  leaderName: leader.name,
  contactEmail: leader.email,
  institution: { name: leader.school.name, type: leader.school.type, country: 'US', region: leader.school.state },
  programDescription: p.description,
  yearsRunning: p.years,
  studentsServed: p.students,
  focusAreas: p.focus,
  underrepresentedReach: p.reach,
  partners: p.partners,
});

const ratings = (profile: Profile, from = 0, to = INDICATORS.length) =>
  INDICATORS.slice(from, to).map((indicator, i) => ({
    indicator: indicator.code,
    level: PROFILE[profile][from + i],
    evidence: `${EVIDENCE[(from + i) % EVIDENCE.length]}.`,
  }));

/** A reviewer's scores: the profile, moved by `shift` on the indicators named by their position. */
const scores = (profile: Profile, shift: Record<number, number> = {}) =>
  INDICATORS.map((indicator, i) => ({
    indicator: indicator.code,
    level: Math.min(5, Math.max(1, PROFILE[profile][i] + (shift[i] ?? 0))),
    comment: COMMENTS[i % COMMENTS.length],
  }));

/** A one-page PDF, as a school would attach: a title and a few lines. */
function evidencePdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text(title).moveDown();
  for (const line of lines) doc.fontSize(11).text(line).moveDown(0.5);
  doc.end();
  return done;
}

/**
 * The leader's evidence beside two indicators: the leadership team's minutes (a PDF) and the school's STEM plan (a
 * link). Neither names the school, as the leader is asked before uploading under blind review.
 */
async function attachEvidence(w: DemoWorld, leader: Leader, id: string) {
  const minutes = await evidencePdf('STEM Leadership Team minutes, spring term', [
    'Present: the principal, two STEM teachers, a parent, a student representative and our industry partner.',
    'Agreed: the year’s STEM goals, the schedule of the spring showcase, and who leads each partnership.',
    'Next meeting: in six weeks, to review the teacher survey.',
  ]);
  await w.upload(leader, id, INDICATORS[0].code, 'STEM Leadership Team minutes.pdf', minutes);
  await w.post(leader, `/applications/${id}/evidence/links`, {
    purpose: 'assessment',
    indicator: INDICATORS[3].code,
    url: 'https://www.example.org/stem/long-range-plan',
    title: 'Our long-range STEM plan',
  });
}

/** Steps 1-3 of the lifecycle (docs/DOMAIN.md): the survey, its acceptance and the self-assessment. */
async function applyAndAssess(
  w: DemoWorld,
  at: (d: Date) => Promise<void>,
  leader: Leader,
  program: Program,
  days: number[],
  profile: Profile,
) {
  const [submitted, accepted, assessed] = days;
  await at(w.day(submitted));
  const { applicationId: id } = await w.post(leader, '/applications', survey(leader, program));
  await at(w.day(accepted, 15));
  await w.post(CAST.staff, `/applications/${id}/screening/accept`);
  await at(w.day(assessed));
  await attachEvidence(w, leader, id);
  await w.post(leader, `/applications/${id}/assessment`, { ratings: ratings(profile) });
  return id;
}

/** Step 4: two reviewers assigned by staff, each scoring on their own day. */
async function review(
  w: DemoWorld,
  at: (d: Date) => Promise<void>,
  id: string,
  panel: { reviewer: Person; day?: number; shift?: Record<number, number>; recommends: Outcome }[],
  assignedDay: number,
  profile: Profile,
) {
  await at(w.day(assignedDay, 16));
  await w.post(CAST.staff, `/applications/${id}/reviewers`, {
    mode: 'manual',
    reviewerIds: await Promise.all(panel.map(async (p) => (await w.session(p.reviewer)).id)),
  });
  for (const p of panel) {
    if (p.day === undefined) continue;
    await at(w.day(p.day));
    await w.post(p.reviewer, `/applications/${id}/scores`, { scores: scores(profile, p.shift), recommendation: p.recommends });
  }
}

const [rita, james, nadia, oliver, teresa] = CAST.reviewers;
const { staff, board } = CAST;
const L = CAST.leaders;

/** Staff review this season's applications blind: reviewers see no leader, email or school (docs/DOMAIN.md, Blind review). */
const blindReviewCycle = (w: DemoWorld): Story => ({
  name: 'a blind review cycle',
  run: async (at) => {
    const opens = w.day(150);
    await at(opens);
    for (const year of new Set([w.year(opens), w.year(w.now)])) await w.put(staff, `/review-cycles/${year}`, { blindReview: true });
  },
});

const intake = (w: DemoWorld): Story => ({
  name: 'a survey waiting for screening',
  run: async (at) => {
    await at(w.day(2, 19));
    await w.post(
      L.jordan,
      '/applications',
      survey(L.jordan, {
        description: 'An after-school robotics club grew into a grade 6-8 engineering elective with a shared makerspace.',
        years: 3,
        students: 310,
        focus: ['robotics', 'engineering design'],
        reach: 'Two in five of our students qualify for free lunch; the club runs a girls-first sign-up week.',
        partners: ['Green Mountain Makers', 'Vermont Tech outreach'],
      }),
    );
  },
});

const screeningRejected = (w: DemoWorld): Story => ({
  name: 'a survey not accepted at screening',
  run: async (at) => {
    await at(w.day(9));
    const { applicationId: id } = await w.post(
      L.kevin,
      '/applications',
      survey(L.kevin, {
        description: 'A parent-run learning pod meeting twice a week for coding and marine science field trips.',
        years: 1,
        students: 14,
        focus: ['coding', 'marine science'],
        reach: 'Families from the neighborhood, many new to the area.',
        partners: [],
      }),
    );
    await at(w.day(7, 17));
    await w.post(staff, `/applications/${id}/screening/reject`, {
      reason:
        'IASL designates programs run by a school, district or established organization; a pod of 14 students in its first year is not yet one. We would welcome an application with the partner school.',
    });
  },
});

const assessmentInProgress = (w: DemoWorld): Story => ({
  name: 'a self-assessment in progress',
  run: async (at) => {
    await at(w.day(16));
    const { applicationId: id } = await w.post(
      L.aisha,
      '/applications',
      survey(L.aisha, {
        description: 'Every K-5 classroom runs a weekly engineering challenge, and fifth graders mentor the younger grades.',
        years: 4,
        students: 520,
        focus: ['engineering design', 'environmental science'],
        reach: 'Over half of our students are English learners; challenge cards come in Somali, Hmong and Spanish.',
        partners: ['Three Rivers Nature Center', 'University of Minnesota STEM Outreach'],
      }),
    );
    await at(w.day(15, 15));
    await w.post(staff, `/applications/${id}/screening/accept`);
    await at(w.day(6, 20));
    await w.put(L.aisha, `/applications/${id}/assessment/draft`, { ratings: ratings('solid', 0, 6) });
    await at(w.day(3, 21));
    await w.put(L.aisha, `/applications/${id}/assessment/draft`, { ratings: ratings('solid', 0, 10) });
  },
});

const underReview = (w: DemoWorld): Story => ({
  name: 'an application under blind review',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.luis,
      {
        description: 'A solar car team, a desert ecology field station and dual-credit engineering courses with the community college.',
        years: 6,
        students: 1450,
        focus: ['renewable energy', 'ecology', 'engineering'],
        reach: 'Most of our students are Latino and a third will be the first in their family at college.',
        partners: ['Maricopa Community College', 'Salt River Solar Cooperative'],
      },
      [40, 39, 12],
      'strong',
    );
    // Rita has not scored yet: it is on her worklist, due in a few days.
    await review(
      w,
      at,
      id,
      [
        { reviewer: james, day: 4, recommends: 'ProgramOfExcellence' },
        { reviewer: rita, recommends: 'ProgramOfExcellence' },
      ],
      8,
      'strong',
    );
  },
});

const awaitingDecision = (w: DemoWorld): Story => ({
  name: 'scores in, awaiting the board',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.samuel,
      {
        description: 'A magnet program where every student completes a two-year research project with a mentor from a local lab.',
        years: 9,
        students: 880,
        focus: ['biomedical science', 'data science'],
        reach: 'Admission is by lottery across the county; 70% of students are Black or Latino.',
        partners: ['Emory Healthcare', 'Georgia Tech CEISMC'],
      },
      [55, 54, 30],
      'strong',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: teresa, day: 14, recommends: 'ProgramOfExcellence' },
        { reviewer: oliver, day: 11, shift: { 0: -1, 6: -1 }, recommends: 'ProgramOfExcellence' },
      ],
      24,
      'strong',
    );
  },
});

const disagreementAdjudicated = (w: DemoWorld): Story => ({
  name: 'a reviewer disagreement and its adjudication',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.grace,
      {
        description: 'Boat-building and ocean-sensor projects tie physics and coding to the harbor the town lives from.',
        years: 5,
        students: 260,
        focus: ['marine technology', 'coding'],
        reach: 'A rural island community; a third of our students ride the ferry to school.',
        partners: ['Gulf of Maine Research Institute', 'Harborview Boatworks'],
      },
      [95, 94, 70],
      'solid',
    );
    // Two levels apart on one indicator: the board settles it before deciding (docs/DOMAIN.md, Adjudication).
    await review(
      w,
      at,
      id,
      [
        { reviewer: nadia, day: 60, recommends: 'CharterMembership' },
        { reviewer: oliver, day: 57, shift: { 5: 2 }, recommends: 'CharterMembership' },
      ],
      66,
      'solid',
    );
    await at(w.day(52));
    await w.post(board, `/applications/${id}/adjudication`, {
      rulings: [{ indicator: INDICATORS[5].code, level: 3 }],
      justification: 'The partnership log shows two active partners, not the five the higher score assumed; level 3 fits the evidence.',
    });
    await at(w.day(48));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'CharterMembership' });
  },
});

const boardOverrule = (w: DemoWorld): Story => ({
  name: 'a board overrule',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.emily,
      {
        description: 'A charter school built around agriculture science, with a working greenhouse and a drone-mapping club.',
        years: 2,
        students: 340,
        focus: ['agriculture', 'drones'],
        reach: 'Students come from farm families across three rural counties.',
        partners: ['Kansas State Research and Extension'],
      },
      [100, 98, 75],
      'solid',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: james, day: 65, recommends: 'CharterMembership' },
        { reviewer: teresa, day: 62, shift: { 2: -1 }, recommends: 'CharterMembership' },
      ],
      72,
      'solid',
    );
    await at(w.day(58));
    await w.post(board, `/applications/${id}/decision`, {
      outcome: 'NotYetReady',
      justification:
        'The greenhouse program paused for the whole spring term when its only teacher left; the board asks to see a full year running with the new staff before designating it.',
    });
  },
});

const appealToTheBoard = (w: DemoWorld): Story => ({
  name: 'an appeal',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.daniel,
      {
        description: 'A new computer science pathway and a mountain weather station run by students.',
        years: 2,
        students: 1120,
        focus: ['computer science', 'earth science'],
        reach: 'We recruit into the pathway from our English-learner program first.',
        partners: ['NOAA Boulder outreach', 'Front Range Community College'],
      },
      [85, 84, 60],
      'early',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: nadia, day: 50, recommends: 'NotYetReady' },
        { reviewer: james, day: 47, shift: { 3: 1 }, recommends: 'NotYetReady' },
      ],
      56,
      'early',
    );
    await at(w.day(22));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'NotYetReady' });
    await at(w.day(12, 18));
    await w.post(L.daniel, `/applications/${id}/appeals`, {
      statement:
        'Our weather-station data, published with the county, and the second year of the pathway were not in the evidence the reviewers saw; we ask the board to consider them.',
    });
    await at(w.day(11));
    await w.post(staff, `/applications/${id}/appeals/route`, { route: 'board' });
  },
});

const designatedThisSeason = (w: DemoWorld): Story => ({
  name: 'a Program of Excellence this season',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.maya,
      {
        description: 'A grade 6-12 academy where students design, build and test a city-wide air-quality sensor network.',
        years: 8,
        students: 960,
        focus: ['environmental engineering', 'data science', 'robotics'],
        reach: 'Two thirds of our students are from low-income families; we run a free summer bridge for incoming 6th graders.',
        partners: ['Chicago Public Library Maker Lab', 'Argonne National Laboratory outreach'],
      },
      [140, 139, 115],
      'strong',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: rita, day: 104, recommends: 'ProgramOfExcellence' },
        { reviewer: oliver, day: 101, shift: { 1: 1 }, recommends: 'ProgramOfExcellence' },
      ],
      110,
      'strong',
    );
    await at(w.day(96));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'ProgramOfExcellence' });
    w.ids.set('maya', id);
    await at(w.day(80, 20));
    await w.put(L.maya, `/applications/${id}/directory-listing`, {
      fields: ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'summary'],
      focusAreas: ['Air quality', 'Sensor networks'],
      summary: 'Students built a city-wide air-quality network; the data now informs the city’s bus routes.',
    });
  },
});

const yearlyProgressUpdate = (w: DemoWorld): Story => ({
  name: 'a yearly progress update',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.robert,
      {
        description: 'A district-wide pathway from elementary coding clubs to high school engineering internships.',
        years: 7,
        students: 6400,
        focus: ['coding', 'engineering', 'energy'],
        reach: 'Internships are paid, so students who work after school can take part.',
        partners: ['Gulf Coast Energy Consortium', 'Lone Star College'],
      },
      [470, 469, 445],
      'solid',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: james, day: 435, recommends: 'CharterMembership' },
        { reviewer: nadia, day: 432, shift: { 4: 1 }, recommends: 'CharterMembership' },
      ],
      441,
      'solid',
    );
    await at(w.day(400));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'CharterMembership' });
    w.ids.set('robert', id);
    // Due a year after the decision; sent a fortnight early, and a reviewer asked to confirm it.
    await at(w.day(50, 21));
    await w.post(L.robert, `/applications/${id}/progress-updates`, {
      ratings: ratings('solid').map((r, i) => ({ ...r, level: i % 3 === 0 ? Math.min(5, r.level + 1) : r.level })),
    });
    await at(w.day(45));
    await w.post(staff, `/applications/${id}/progress/confirmation-requests`, { reviewerId: (await w.session(rita)).id });
    await at(w.day(30, 20));
    await w.put(L.robert, `/applications/${id}/directory-listing`, {
      fields: ['leaderName', 'institution', 'country', 'designationYear'],
    });
  },
});

const suspendedDesignation = (w: DemoWorld): Story => ({
  name: 'a designation suspended for a missed yearly update',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.marcus,
      {
        description: 'Career-technical shops in advanced manufacturing and electrical engineering, with apprenticeships.',
        years: 12,
        students: 1300,
        focus: ['manufacturing', 'electrical engineering'],
        reach: 'Our apprenticeship seats are reserved first for students from the two lowest-income neighborhoods.',
        partners: ['Bridgeport Machine Works', 'Housatonic Community College'],
      },
      [900, 899, 875],
      'solid',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: oliver, day: 866, recommends: 'CharterMembership' },
        { reviewer: teresa, day: 863, recommends: 'CharterMembership' },
      ],
      870,
      'solid',
    );
    await at(w.day(830));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'CharterMembership' });
    await at(w.day(485));
    await w.post(L.marcus, `/applications/${id}/progress-updates`, { ratings: ratings('solid') });
    // The next update never comes: reminders, then 60 days' grace, then the designation is suspended by its timer.
  },
});

const renewedDesignation = (w: DemoWorld): Story => ({
  name: 'a designation renewed in its last year',
  run: async (at) => {
    const id = await applyAndAssess(
      w,
      at,
      L.linda,
      {
        description: 'A K-12 academy where every grade runs a community engineering project, from rain gardens to a solar microgrid.',
        years: 10,
        students: 780,
        focus: ['engineering design', 'renewable energy', 'environmental science'],
        reach: 'A tuition-free academy; 60% of our students are from families under the county’s median income.',
        partners: ['Duke Energy Foundation', 'NC State College of Engineering', 'Piedmont Rain Garden Alliance'],
      },
      [1730, 1729, 1705],
      'strong',
    );
    await review(
      w,
      at,
      id,
      [
        { reviewer: rita, day: 1694, recommends: 'ProgramOfExcellence' },
        { reviewer: james, day: 1690, shift: { 2: 1 }, recommends: 'ProgramOfExcellence' },
      ],
      1700,
      'strong',
    );
    await at(w.day(1660));
    await w.post(board, `/applications/${id}/decision`, { outcome: 'ProgramOfExcellence' });
    // Four yearly updates, each a fortnight before it is due, a few indicators a level up each year.
    for (const [year, day] of [1310, 945, 580, 215].entries()) {
      await at(w.day(day, 20));
      const grown = ratings('strong').map((r, i) => ({ ...r, level: i % 4 <= year ? Math.min(5, r.level + 1) : r.level }));
      await w.post(L.linda, `/applications/${id}/progress-updates`, { ratings: grown });
    }
    // The renewal opens a year before the five-year term ends: a new application at the assessment step.
    await at(w.day(190));
    const { renewalId } = await w.post<{ renewalId: string }>(L.linda, `/applications/${id}/renewal`);
    await at(w.day(170));
    await w.post(L.linda, `/applications/${renewalId}/assessment`, { ratings: ratings('strong') });
    await review(
      w,
      at,
      renewalId,
      [
        { reviewer: nadia, day: 158, recommends: 'ProgramOfExcellence' },
        { reviewer: teresa, day: 155, shift: { 7: 1 }, recommends: 'ProgramOfExcellence' },
      ],
      165,
      'strong',
    );
    await at(w.day(150));
    await w.post(board, `/applications/${renewalId}/decision`, { outcome: 'ProgramOfExcellence' });
    w.ids.set('linda', renewalId);
    await at(w.day(140, 20));
    await w.put(L.linda, `/applications/${renewalId}/directory-listing`, {
      fields: ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'awards', 'summary'],
      focusAreas: ['Engineering design', 'Solar microgrid'],
      summary: 'Every grade solves a real problem for the town; the 11th grade’s solar microgrid now powers the library.',
    });
  },
});

const awardCycleAndSummit = (w: DemoWorld): Story => ({
  name: 'an award cycle with its summit',
  run: async (at) => {
    const opened = w.day(75);
    const summitAt = w.day(-45, 17);
    // A cycle is named for the year its summit takes place in (docs/DOMAIN.md, Awards and summit).
    const year = w.year(summitAt);
    await at(opened);
    await w.post(staff, '/award-cycles', {
      year,
      awardsAvailable: 2,
      nominationsCloseAt: w.day(40, 23).toISOString(),
      rsvpBy: w.day(-20, 23).toISOString(),
      summit: { startsAt: summitAt.toISOString(), place: 'Philadelphia, Pennsylvania' },
    });
    const criteria = (levels: number[]) =>
      ['leadership', 'teaching', 'student-work', 'reach'].map((criterion, i) => ({ criterion, level: levels[i] }));
    const nominate = async (who: Person, key: string, teacher: object, portfolio: object) =>
      (
        await w.post<{ nominationId: string }>(who, `/award-cycles/${year}/nominations`, {
          applicationId: w.ids.get(key),
          teachers: [teacher],
          portfolios: [portfolio],
        })
      ).nominationId;

    await at(w.day(70));
    const linda = await nominate(
      L.linda,
      'linda',
      { name: 'Marisol Vega', subject: 'Physics', statement: 'Led the 11th grade through designing and wiring the solar microgrid.' },
      {
        title: 'Library microgrid',
        summary: 'A 30 kW array and battery the students sized, built and monitor.',
        link: 'https://example.org/maplewood-microgrid',
      },
    );
    await at(w.day(60));
    const maya = await nominate(
      staff,
      'maya',
      { name: 'Andre Wilson', subject: 'Computer science', statement: 'Taught the sensor firmware course and the data dashboards.' },
      {
        title: 'Air-quality network',
        summary: 'Forty student-built sensors across the city.',
        link: 'https://example.org/lincolnpark-air',
      },
    );
    await at(w.day(55));
    const robert = await nominate(
      L.robert,
      'robert',
      { name: 'Helen Tran', subject: 'Engineering', statement: 'Built the internship pipeline with the energy consortium.' },
      { title: 'Internship showcase', summary: 'Sixty paid internships in a year.', link: 'https://example.org/oakridge-internships' },
    );
    await at(w.day(37));
    await w.post(board, `/award-cycles/${year}/nominations/${linda}/scores`, {
      scores: criteria([5, 5, 5, 4]),
      comment: 'A whole school solving a town’s problems.',
    });
    await w.post(board, `/award-cycles/${year}/nominations/${maya}/scores`, {
      scores: criteria([5, 4, 5, 5]),
      comment: 'Student data that changed city policy.',
    });
    await w.post(board, `/award-cycles/${year}/nominations/${robert}/scores`, {
      scores: criteria([4, 4, 3, 4]),
      comment: 'Strong pipeline; the student work is early.',
    });
    await at(w.day(33));
    await w.post(board, `/award-cycles/${year}/scoring/close`);
    await at(w.day(32));
    await w.post(board, `/award-cycles/${year}/selection`, { nominationIds: [linda, maya] });
    // Linda accepts the summit invitation; Maya has not answered yet (the RSVP date is ahead).
    await at(w.day(25, 19));
    await w.post(L.linda, `/award-cycles/${year}/invitations/${linda}/response`, { accept: true });
  },
});

/** The demo year, one story each. The who's-who entries are published within the stories of their programs. */
export const demoStories = (w: DemoWorld): Story[] => [
  blindReviewCycle(w),
  intake(w),
  screeningRejected(w),
  assessmentInProgress(w),
  underReview(w),
  awaitingDecision(w),
  disagreementAdjudicated(w),
  boardOverrule(w),
  appealToTheBoard(w),
  designatedThisSeason(w),
  yearlyProgressUpdate(w),
  suspendedDesignation(w),
  renewedDesignation(w),
  awardCycleAndSummit(w),
];
