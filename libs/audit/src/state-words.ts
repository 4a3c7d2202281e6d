import { APPLICATION_STATUS, Application, OUTCOME_NAMES, OpenApplication, ReviewerSlot } from '@cert/domain';
import type { StateField } from '@cert/contracts';
import { Naming } from './people';

/** An instant as people read it, to the minute: "2026-03-02 09:00 UTC". */
export const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const listOr = (items: readonly string[], none: string) => (items.length === 0 ? none : items.join(', '));

const SLOT_STATUS: Record<ReviewerSlot['status'], string> = { assigned: 'scoring', finished: 'finished', released: 'released' };

const reviewerLine = (r: ReviewerSlot, name: string) => {
  const role = r.purpose === 'adjudication' ? 'adjudicator, ' : '';
  const done = r.status === 'finished' && r.recommendation ? `, recommends ${OUTCOME_NAMES[r.recommendation]}` : '';
  const due = r.status === 'assigned' ? `, scores due ${when(r.dueAt)}` : '';
  return `${name} (${role}${SLOT_STATUS[r.status]}${done}${due})`;
};

const ROUTES = { 'fresh-review': 'routed to a fresh review', board: 'routed to the board' } as const;

/**
 * docs/DOMAIN.md, What auditors need: a folded state for people. Every field of the state under a label, in the
 * lifecycle's order; people by name, other applications by reference, and "not yet" or "none" where the state holds
 * nothing (docs/DOMAIN.md, Names). The state itself stays beside it, exactly as the decider folded it.
 */
export function describeState(state: Application, naming: Naming = {}): StateField[] {
  if (state.status === 'None') return [{ label: 'Status', value: 'No application yet: nothing was recorded by then' }];
  const s: OpenApplication = state;
  const person = (id: string) => naming.names?.(id) ?? id;
  const application = (id: string) => naming.references?.(id) ?? id;
  const { survey } = s;
  const draft = Object.keys(s.draft ?? {}).length;
  const d = s.designation;
  const confirmations = Object.entries(d?.confirmations ?? {}).map(
    ([id, c]) => `${person(id)} (${c === 'recorded' ? 'answered' : 'asked'})`,
  );
  const rows: [string, string][] = [
    ['Status', APPLICATION_STATUS[s.status].label],
    ['Reference', s.reference],
    ['Rubric', s.rubricVersion],
    ['Decision policy', s.policyVersion],
    ['Leader', survey.leaderName],
    ['Contact email', s.applicantEmail],
    ['Institution', survey.institution.name],
    ['Institution type', survey.institution.type],
    ['Country and region', `${survey.institution.country}, ${survey.institution.region}`],
    ['Program', survey.programDescription],
    ['Years running', String(survey.yearsRunning)],
    ['Students served', String(survey.studentsServed)],
    ['STEM focus areas', listOr(survey.focusAreas, 'none')],
    ['Reach into under-represented groups', survey.underrepresentedReach],
    ['Partners', listOr(survey.partners, 'none')],
    ['Survey submitted by', person(s.submittedBy)],
    ['Other nominators', listOr(s.nominators.map(person), 'none')],
    ['Self-assessment due', s.dueAt ? when(s.dueAt) : 'no date set'],
    [
      'Self-assessment',
      s.assessment
        ? `submitted, ${s.assessment.length} indicators rated`
        : draft > 0
          ? `not yet submitted (a draft rates ${draft} indicators)`
          : 'not yet',
    ],
    [
      'Reviewers',
      listOr(
        Object.values(s.reviewers).map((r) => reviewerLine(r, person(r.reviewerId))),
        'none yet',
      ),
    ],
    ['Disputed indicators', listOr(s.disputed, 'none')],
    [
      'Adjudication rulings',
      listOr(
        Object.entries(s.rulings).map(([code, level]) => `${code} at level ${level}`),
        'none',
      ),
    ],
    ['Recommendation', s.recommendation ? `${OUTCOME_NAMES[s.recommendation.outcome]} (rule ${s.recommendation.rule})` : 'not yet'],
    [
      'Decision',
      s.decision
        ? `${OUTCOME_NAMES[s.decision.outcome]}, ${when(s.decision.decidedAt)}${s.decision.overruled ? ', overruling the recommendation' : ''}`
        : 'not yet',
    ],
    [
      'Appeal window',
      s.decision ? `until ${when(s.decision.appealUntil)}${s.decision.final ? ' (closed: the decision is final)' : ''}` : 'not yet',
    ],
    [
      'Appeal',
      s.appeal
        ? `filed ${when(s.appeal.filedAt)}, ${s.appeal.route ? ROUTES[s.appeal.route] : 'not routed yet'}${
            s.appeal.decidedAt ? `, decided ${when(s.appeal.decidedAt)}` : ''
          }`
        : 'none',
    ],
    ['Reviewers of earlier rounds', listOr(s.earlierReviewers.map(person), 'none')],
    ['Designation', d ? d.status : 'none'],
    ['Next progress update due', d ? when(d.progressDueAt) : 'none'],
    ['Term ends', d?.termEndsAt ? when(d.termEndsAt) : 'none'],
    ['Renewal', d?.renewalId ? `started as ${application(d.renewalId)}` : 'none'],
    ['Latest yearly update', d?.lastUpdateAt ? when(d.lastUpdateAt) : 'none'],
    ['Progress confirmations', listOr(confirmations, 'none')],
    ['Reminders sent', s.reminders.length === 0 ? 'none' : String(s.reminders.length)],
    ['Renews', s.renewal ? `${application(s.renewal.of)} (term ending ${when(s.renewal.previousTermEndsAt)})` : 'not a renewal'],
    [
      'Awards',
      listOr(
        (s.awards ?? []).map((a) => `${a.award} (${a.year})`),
        'none',
      ),
    ],
  ];
  return rows.map(([label, value]) => ({ label, value }));
}
