import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { icMapV1 } from './ic-map.v1';
import { LEVELS, type IndicatorRole } from './rubric';
import { CURRENT_RUBRIC_VERSION, allIndicators, findIndicator, indicatorCodes, outcomeOf, rubricByVersion } from './rubric-catalog';

/** The source document, kept beside the data it was transcribed from. */
const SEED_PATH = resolve(__dirname, 'source/ic-map-seed.txt');

/** Whitespace only: any run of whitespace (line breaks, tabs) becomes one space. */
const ws = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Markup too: the seed's cells carry HTML tags and markdown bold markers the rubric leaves out. */
const plain = (text: string): string => ws(text.replace(/<[^>]+>/g, ' ').replace(/\*\*/g, ''));

const seed = readFileSync(SEED_PATH, 'utf8');
const seedPlain = plain(seed);
/** The full IC Map section only (after the At-A-Glance list, before the white paper). */
const mapPlain = plain(
  seed.slice(seed.indexOf('\nIC Map: Engaged STEM School Community\n'), seed.indexOf('\nWhite Paper: Engaged STEM School Community\n')),
);

const expectInSeed = (text: string): void => {
  expect(ws(text)).toBe(text);
  expect(seedPlain).toContain(ws(text));
};

const EXPECTED_CODES = [
  'EC1.Leaders1',
  'EC1.Leaders2',
  'EC1.Leaders3',
  'EC1.Leaders4',
  'EC1.Teachers1',
  'EC1.Students1',
  'EC1.Strategic Alliances1',
  'EC2.Leaders1',
  'EC2.Teachers1',
  'EC2.Students1',
  'EC2.Strategic Alliances1',
  'EC3.Leaders1',
  'EC3.Leaders2',
  'EC3.Teachers1',
  'EC3.Students1',
  'EC3.Strategic Alliances1',
];
const ROLES: IndicatorRole[] = ['Leaders', 'Teachers', 'Students', 'Strategic Alliances'];

const descriptor = (code: string, level: 1 | 2 | 3 | 4 | 5): string => {
  const indicator = findIndicator(icMapV1, code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return indicator.levels[level];
};

describe('IC Map v1, against its source document', () => {
  it('is versioned and titled', () => {
    expect(icMapV1.version).toBe('ic-map.v1');
    expect(icMapV1.title).toBe('Engaged STEM School Community');
    expect(seed).toContain('IC Map: Engaged STEM School Community');
  });

  it('names the five levels as the seed does, 1 = Getting Started … 5 = Sustaining', () => {
    expect(icMapV1.levelNames).toEqual({
      1: 'Getting Started',
      2: 'Progressing',
      3: 'Refining and Expanding',
      4: 'Fully Implementing',
      5: 'Sustaining',
    });
    expect(seed).toContain('Sustaining\tFully Implementing\tRefining and Expanding\tProgressing\tGetting Started');
  });

  it('carries the standard verbatim', () => {
    expect(icMapV1.standard).toBe(
      "An Engaged STEM School Community is one in which all stakeholders create, embrace, and enact the school's STEM vision. All members of the community share responsibility for the success of each student demonstrating their commitment through purposeful action and advocacy.",
    );
    expect(seed).toContain(`Standard: ${icMapV1.standard}`);
  });

  it('has the 3 desired outcomes EC1-EC3, with the seed text', () => {
    expect(icMapV1.outcomes.map((outcome) => outcome.code)).toEqual(['EC1', 'EC2', 'EC3']);
    for (const outcome of icMapV1.outcomes) {
      expect(mapPlain).toContain(`Desired Outcome ${outcome.code}: ${outcome.text}`);
    }
    const ec2 = icMapV1.outcomes[1];
    expect(ec2.text).toBe(
      'Engaged STEM school communities are fully engaged in building and sustaining strong strategic partnerships (i.e., students, parents, staff, in-school and out-of-school formal and informal service providers, non-profits, institutions of higher education, industrial companies, businesses, and community organizations) to ensure that students are successful at current and future levels of STEM learning and/or in the STEM workforce.',
    );
  });

  it('has 16 indicators: 7 in EC1, 4 in EC2, 5 in EC3, with the seed codes in seed order', () => {
    expect(icMapV1.outcomes.map((outcome) => outcome.indicators.length)).toEqual([7, 4, 5]);
    expect(allIndicators(icMapV1)).toHaveLength(16);
    expect(indicatorCodes(icMapV1)).toEqual(EXPECTED_CODES);
    expect(new Set(indicatorCodes(icMapV1)).size).toBe(16);
  });

  it('gives every indicator a role among the four, consistent with its code and outcome', () => {
    for (const outcome of icMapV1.outcomes) {
      for (const indicator of outcome.indicators) {
        expect(ROLES).toContain(indicator.role);
        expect(indicator.code).toMatch(new RegExp(`^${outcome.code}\\.${indicator.role}\\d$`));
      }
    }
    expect(new Set(allIndicators(icMapV1).map((indicator) => indicator.role))).toEqual(new Set(ROLES));
  });

  it('gives every indicator its title as written in the IC Map', () => {
    for (const indicator of allIndicators(icMapV1)) {
      expect(indicator.title.length).toBeGreaterThan(0);
      expect(mapPlain).toContain(`${indicator.code}: ${indicator.title}`);
    }
  });

  it('has 80 non-empty, clean descriptors', () => {
    const descriptors = allIndicators(icMapV1).flatMap((indicator) => LEVELS.map((level) => indicator.levels[level]));
    expect(descriptors).toHaveLength(80);
    for (const text of descriptors) {
      expect(typeof text).toBe('string');
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(ws(text));
      expect(text).not.toMatch(/<|>|\*\*/);
    }
    for (const indicator of allIndicators(icMapV1)) {
      expect(Object.keys(indicator.levels).sort()).toEqual(['1', '2', '3', '4', '5']);
      expect(new Set(LEVELS.map((level) => indicator.levels[level])).size).toBe(5);
    }
  });

  it('places every descriptor in the seed row of its indicator, in the seed column order Sustaining → Getting Started', () => {
    const codes = indicatorCodes(icMapV1);
    codes.forEach((code, i) => {
      const indicator = findIndicator(icMapV1, code)!;
      const start = mapPlain.indexOf(`${code}: ${indicator.title}`);
      expect(start).toBeGreaterThanOrEqual(0);
      const next = i + 1 < codes.length ? mapPlain.indexOf(`${codes[i + 1]}: `, start) : mapPlain.length;
      let cursor = start;
      for (const level of [5, 4, 3, 2, 1] as const) {
        const at = mapPlain.indexOf(indicator.levels[level], cursor);
        if (at < 0 || at >= next) throw new Error(`${code} level ${level} not found in its seed row, in order`);
        cursor = at + indicator.levels[level].length;
      }
      // nothing of the row is left over after the Getting Started cell
      let rest = mapPlain.slice(cursor, next);
      for (const outcome of icMapV1.outcomes) rest = rest.split(`Desired Outcome ${outcome.code}: ${outcome.text}`).join(' ');
      for (const name of Object.values(icMapV1.levelNames)) rest = rest.split(name).join(' ');
      expect(rest.replace(/[-\s]/g, '')).toBe('');
    });
  });

  describe('spot-checks against the seed text', () => {
    const spot: Array<[string, 1 | 2 | 3 | 4 | 5, string]> = [
      [
        'EC1.Leaders1',
        1,
        'Facilitate dialogue designed to generate enthusiasm and inspire key leaders at all levels within the school community to embrace STEM. Key leaders include: • district, • school board, • community, • business, • higher education, • teachers, • PTA /PTO, and • students.',
      ],
      [
        'EC1.Leaders1',
        5,
        'Utilize all available resources to explicitly support the continual alignment between current practice and new research to support STEM education. Ensure that key leaders articulate and demonstrate support for STEM within their sphere of influence (e.g., at meetings of chambers of commerce, civic organizations, corporate boards, school boards, PTA, etc.). Secure and sustain explicit support for STEM with all stakeholders throughout the school community.',
      ],
      [
        'EC1.Leaders4',
        2,
        'Analyze data collected through assessment activities including surveys of stakeholders, student achievement data, workforce data, community needs, demographics, and assessment of district successes, problems and processes of school community.',
      ],
      ['EC1.Students1', 1, 'Select student body representative(s) to actively serve on SLT based on criteria established by SLT.'],
      [
        'EC2.Students1',
        5,
        'Are self-directed in productive ways such as: - researching and applying for internships and apprenticeships, - proposing internships and apprenticeships, - volunteering to gain experience, - researching and enrolling in courses to prepare for STEM careers, - researching and enrolling in courses in Career and Technology Centers, - seeking resources and expertise to complete STEM learning experiences, and - seeking tutoring and mentoring as needed.',
      ],
      [
        'EC2.Students1',
        1,
        'Seek support, on rare occasions, from partners in ways such as: - gaining expertise and resources to complete a STEM project, - tutoring in challenging STEM course work, and - mentoring in STEM career paths.',
      ],
      [
        'EC2.Strategic Alliances1',
        2,
        'Share alliance’s workforce needs with the school and continue to respond to school request for resources to support students’ STEM success.',
      ],
      [
        'EC3.Leaders2',
        3,
        'Teach, model, and practice the selected process for productive dialogue/collaboration throughout the STEM school community.',
      ],
      [
        'EC3.Teachers1',
        4,
        'Advocate for STEM education and communicate with stakeholders about STEM teaching and learning frequently through means such as: letters to legislators. social media posts, letters to the editor of local newspaper, and STEM festival participation.',
      ],
      [
        'EC3.Strategic Alliances1',
        5,
        'Advocate for STEM education systematically in ways such as these: • speaking with legislators and corporate boards, • providing funding, • providing human resources, and • offering internships, apprenticeships, and shadowing opportunities.',
      ],
      ['EC3.Strategic Alliances1', 1, 'Raise awareness of STEM workforce needs.'],
    ];

    it.each(spot)('%s level %i', (code, level, text) => {
      expect(descriptor(code, level)).toBe(text);
      expectInSeed(text);
    });

    it('keeps the graded wording on the right levels', () => {
      expect(descriptor('EC3.Strategic Alliances1', 5)).toMatch(/^Advocate for STEM education systematically/);
      expect(descriptor('EC3.Strategic Alliances1', 4)).toMatch(/^Advocate for STEM education frequently/);
      expect(descriptor('EC3.Strategic Alliances1', 3)).toMatch(/^Advocate for STEM education occasionally/);
      expect(descriptor('EC2.Students1', 3)).toMatch(/^Seek support consistently/);
      expect(descriptor('EC2.Students1', 2)).toMatch(/^Seek support frequently/);
      expect(descriptor('EC3.Teachers1', 5)).toMatch(/routinely/);
      expect(descriptor('EC3.Teachers1', 4)).toMatch(/frequently/);
    });
  });

  it('every one of the 80 descriptors appears in the seed', () => {
    for (const indicator of allIndicators(icMapV1)) {
      for (const level of LEVELS) expectInSeed(indicator.levels[level]);
    }
  });
});

describe('rubric catalog', () => {
  it('resolves the current version', () => {
    expect(CURRENT_RUBRIC_VERSION).toBe('ic-map.v1');
    expect(rubricByVersion(CURRENT_RUBRIC_VERSION)).toBe(icMapV1);
  });

  it('throws, naming the version, for an unknown one', () => {
    expect(() => rubricByVersion('nope')).toThrow(/nope/);
    expect(() => rubricByVersion('toString')).toThrow(/toString/);
  });

  it('finds indicators and their outcome by code', () => {
    expect(findIndicator(icMapV1, 'EC2.Teachers1')?.title).toBe(
      'Seek partnerships that support curricular goals and intended student outcomes',
    );
    expect(findIndicator(icMapV1, 'EC9.Leaders1')).toBeUndefined();
    expect(outcomeOf(icMapV1, 'EC1.Strategic Alliances1')).toBe('EC1');
    expect(outcomeOf(icMapV1, 'EC2.Students1')).toBe('EC2');
    expect(outcomeOf(icMapV1, 'EC3.Leaders2')).toBe('EC3');
    expect(outcomeOf(icMapV1, 'nope')).toBeUndefined();
  });

  it('returns indicators in rubric order', () => {
    expect(allIndicators(icMapV1).map((indicator) => indicator.code)).toEqual(indicatorCodes(icMapV1));
    expect(indicatorCodes(icMapV1)[0]).toBe('EC1.Leaders1');
    expect(indicatorCodes(icMapV1)[15]).toBe('EC3.Strategic Alliances1');
  });
});
