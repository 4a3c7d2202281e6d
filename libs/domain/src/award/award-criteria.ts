/**
 * What the advisory board scores a leadership-award nomination on (docs/DOMAIN.md, Awards and summit: the board
 * identifies those who merit STEM leadership awards; the nomination holds the leader, up to three teachers and up to
 * three student portfolios, as IASL's certification page describes). Versioned data like the rubric: a cycle pins the
 * version it opened with, so its scores can be read against the same criteria later.
 */
export type AwardCriterion = { code: string; title: string; question: string };
export type AwardCriteria = { version: string; criteria: readonly AwardCriterion[]; minLevel: 1; maxLevel: 5 };

export const awardCriteriaV1: AwardCriteria = {
  version: 'award-criteria.v1',
  minLevel: 1,
  maxLevel: 5,
  criteria: [
    { code: 'leadership', title: 'Leadership', question: 'How strongly has the leader built and sustained an exemplary STEM program?' },
    { code: 'teaching', title: 'Teaching', question: 'How well do the nominated teachers show high-quality, integrated STEM teaching?' },
    { code: 'student-work', title: 'Student work', question: 'How deep and authentic is the STEM work in the student portfolios?' },
    // IASL's launch announcement asks for "ways to reach and include students from underrepresented populations".
    { code: 'reach', title: 'Reach', question: 'How far does the program reach students under-represented in STEM?' },
  ],
};

const CATALOG: Record<string, AwardCriteria> = { [awardCriteriaV1.version]: awardCriteriaV1 };
export const CURRENT_AWARD_CRITERIA = awardCriteriaV1.version;

export const awardCriteriaByVersion = (version: string): AwardCriteria => {
  const found = CATALOG[version];
  if (!found) throw new Error(`unknown award criteria ${version}`);
  return found;
};
