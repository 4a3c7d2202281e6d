import { CONFLICT_RELEASE_REASON, Outcome } from '@cert/domain';
import { TemplateName } from './notification-job';

export type TemplateContext = {
  reference: string;
  leaderName: string;
  institutionName: string;
  applicationId: string;
  publicUrl: string;
  /** The moment of sending, for "due in N days". */
  now: string;
  params: Record<string, unknown>;
};

export type RenderedMail = { subject: string; reference: string; lines: string[]; link: { label: string; href: string } };

const OUTCOME_WORDS: Record<Outcome, string> = {
  ProgramOfExcellence: 'STEM Program of Excellence',
  CharterMembership: 'charter membership',
  NotYetReady: 'not yet ready',
};

// "Due in 12 days" paired with the exact date, time and time zone: a count of days goes stale while the mail waits in
// an inbox, and a date without its zone can be read a day off.
const due = (iso: unknown, now: string) => {
  const days = Math.ceil((Date.parse(String(iso)) - Date.parse(now)) / 86_400_000);
  const when = `${new Date(String(iso)).toUTCString().replace('GMT', 'UTC')}`;
  return days > 1 ? `in ${days} days (${when})` : days === 1 ? `tomorrow (${when})` : `now (${when})`;
};

/** Every notification of docs/DOMAIN.md, Notifications, as content; `mail.ts` wraps it in plain text and HTML. */
export function compose(template: TemplateName, c: TemplateContext): RenderedMail {
  return { ...content(template, c), reference: c.reference };
}

function content(template: TemplateName, c: TemplateContext): Omit<RenderedMail, 'reference'> {
  const app = { label: 'Open your application', href: `${c.publicUrl}/applications/${c.applicationId}` };
  const review = { label: 'Open the review', href: `${c.publicUrl}/reviews/${c.applicationId}` };
  const staff = { label: 'Open the application', href: `${c.publicUrl}/staff/applications/${c.applicationId}` };
  const awards = { label: 'Follow your nomination', href: `${c.publicUrl}/awards` };
  const boardLink = { label: 'Open the application', href: `${c.publicUrl}/board/applications/${c.applicationId}` };
  const p = c.params;
  const ref = `${c.reference}, ${c.institutionName}`;
  switch (template) {
    // docs/DOMAIN.md, Who uses it: the nominator's receipt names nothing the leader wrote or did, then or later.
    case 'nomination-received':
      return {
        subject: `Nomination received: ${c.reference}`,
        lines: [
          `IASL has received your nomination (${c.reference}).`,
          'We have written to the leader you named and asked them to confirm it with their own answers.',
          'For their privacy we will not tell you whether they do, nor anything of their application.',
        ],
        link: { label: 'See your nominations', href: `${c.publicUrl}/sign-in` },
      };
    case 'application-received':
      return {
        subject: `Application received: ${c.reference}`,
        lines: [
          `Dear ${c.leaderName},`,
          `IASL has received your application for ${ref}.`,
          'You can change your answers until the certification division screens the survey; it writes again when it has.',
        ],
        link: app,
      };
    case 'nomination-to-claim':
      return {
        subject: `You have been nominated for IASL certification (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `someone has nominated you and ${c.institutionName} for IASL STEM certification (${c.reference}).`,
          'Nothing goes forward without you: sign in with this email address, check the answers and claim the nomination with your own.',
          'If it is not yours to take up, ignore this message.',
        ],
        link: { label: 'Sign in to claim the nomination', href: `${c.publicUrl}/sign-in` },
      };
    case 'assessment-invitation':
      return {
        subject: `You are invited to the IASL readiness assessment (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `your survey for ${c.institutionName} was accepted. Please rate your program on the IC Map, with evidence for each indicator.`,
          `The assessment is due ${due(p.dueAt, c.now)}. Sign in with this email address to start; you can save a draft and come back.`,
        ],
        link: { label: 'Sign in and start the assessment', href: `${c.publicUrl}/sign-in` },
      };
    case 'survey-not-accepted':
      return {
        subject: `Your IASL survey was not accepted (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the certification division did not accept the survey for ${c.institutionName}.`,
          `Reason: ${String(p.reason)}`,
        ],
        link: app,
      };
    case 'assessment-reminder':
      return {
        subject: `Reminder: your IC Map assessment is due ${due(p.dueAt, c.now)}`,
        lines: [
          `Dear ${c.leaderName},`,
          `the readiness assessment for ${ref} is due ${due(p.dueAt, c.now)}. Drafts are kept; submit once every indicator has a level and evidence.`,
        ],
        link: app,
      };
    case 'deadline-extended':
      return {
        subject: `Your assessment deadline was extended (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `${p.reopened ? 'your application is open again and ' : ''}the assessment for ${ref} is now due ${due(p.dueAt, c.now)}.`,
        ],
        link: app,
      };
    case 'assessment-received':
      return {
        subject: `Assessment received: ${c.reference}`,
        lines: [
          `Dear ${c.leaderName},`,
          `IASL has received your readiness assessment for ${c.institutionName}. Reviewers will now score it against the IC Map.`,
        ],
        link: app,
      };
    case 'application-lapsed':
      return {
        subject: `Your IASL application has lapsed (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `no assessment for ${ref} arrived by ${new Date(String(p.dueAt)).toUTCString()}, so the application has lapsed. The certification division can reopen it: reply to this message.`,
        ],
        link: app,
      };
    // Reviewer mail names only the reference: under blind review the institution is withheld from reviewers.
    case 'reviewer-assigned':
      return {
        subject: `New ${p.purpose === 'adjudication' ? 'adjudication' : 'review'} assignment: ${c.reference}`,
        lines: [
          `You have been asked to score application ${c.reference} on the IC Map.`,
          `Your scores are due ${due(p.dueAt, c.now)}. If you have a conflict of interest, declare it before you open the application.`,
        ],
        link: review,
      };
    case 'reviewer-reminder':
      return {
        subject: `Reminder: scores for ${c.reference} are due ${due(p.dueAt, c.now)}`,
        lines: [`Your scores for application ${c.reference} are due ${due(p.dueAt, c.now)}.`],
        link: review,
      };
    case 'review-escalated':
      return p.reason === 'overdue'
        ? {
            subject: `Overdue review: ${c.reference}`,
            lines: [
              `Scores for ${ref} from ${String(p.reviewerName ?? p.reviewerId)} were due ${new Date(String(p.dueAt)).toUTCString()} and have not arrived.`,
              'If they do not arrive within 7 days the reviewer is released and another one is assigned.',
            ],
            link: staff,
          }
        : {
            subject: `No reviewer left for ${c.reference}`,
            lines: [
              `${String(p.reviewerName ?? p.reviewerId)} was released for overdue scores on ${ref}, and no eligible reviewer was left to take over. Please assign one.`,
            ],
            link: staff,
          };
    case 'reviewer-released': {
      const short = p.stillInReview === true && Number(p.reviewersActive) < Number(p.reviewersRequired);
      const conflict = String(p.reason).startsWith(CONFLICT_RELEASE_REASON);
      return {
        subject: `${conflict ? 'Conflict of interest: reviewer' : 'Reviewer'} released from ${c.reference}${short ? ', needs reviewers' : ''}`,
        lines: [
          `${String(p.reviewerName)} was released from ${ref}.`,
          `Reason: ${String(p.reason)}`,
          short
            ? `It has ${String(p.reviewersActive)} of the ${String(p.reviewersRequired)} reviewers it needs: please assign another.`
            : `It has ${String(p.reviewersActive)} of the ${String(p.reviewersRequired)} reviewers it needs; nothing to assign.`,
        ],
        link: staff,
      };
    }
    case 'reviewers-needed':
      return {
        subject: `Needs reviewers: ${c.reference}`,
        lines: [
          `The appeal for ${ref} was routed to a fresh review, which starts with no reviewers.`,
          `It has ${String(p.reviewersActive)} of the ${String(p.reviewersRequired)} reviewers it needs: please assign new reviewers (none of the earlier rounds may review again).`,
        ],
        link: staff,
      };
    // The board gets its work items here as well as in its queue.
    case 'decision-waiting':
      return {
        subject: `Waiting for your decision: ${c.reference}`,
        lines: [
          p.appeal
            ? `The appeal for ${ref} was routed to the advisory board and waits for your decision.`
            : `The reviews of ${ref} are complete and the application waits for your decision${p.recommendation ? ` (recommendation: ${OUTCOME_WORDS[p.recommendation as Outcome]})` : ''}.`,
        ],
        link: boardLink,
      };
    case 'adjudication-waiting':
      return {
        subject: `Adjudication waiting: ${c.reference}`,
        lines: [
          `The reviewers of ${ref} disagree on some indicators by more than the policy allows.`,
          'Please rule on the disputed indicators, or the certification division assigns an extra reviewer.',
        ],
        link: boardLink,
      };
    case 'decision':
      return {
        subject: `The IASL board's decision on ${c.reference}`,
        lines: [
          `Dear ${c.leaderName},`,
          `the advisory board has decided on ${c.institutionName}: ${OUTCOME_WORDS[p.outcome as Outcome]}.`,
          'Your growth report shows, for each IC Map indicator, where your program stands and the next level to aim for.',
          `You may appeal until ${new Date(String(p.appealUntil)).toUTCString()}.`,
        ],
        link: { label: 'Read the decision and your growth report', href: `${c.publicUrl}/applications/${c.applicationId}/growth-report` },
      };
    case 'progress-update-due':
      return {
        subject: `Your yearly IC Map progress update is due ${due(p.progressDueAt, c.now)}`,
        lines: [
          `Dear ${c.leaderName},`,
          `the yearly progress update for ${ref} is due ${due(p.progressDueAt, c.now)}. Re-rate each indicator with evidence of this year's work.`,
        ],
        link: app,
      };
    case 'appeal-received':
      return {
        subject: `Appeal received: ${c.reference}`,
        lines: [
          `Dear ${c.leaderName},`,
          `IASL has received your appeal of the decision on ${c.institutionName} (${OUTCOME_WORDS[p.appealedOutcome as Outcome]}).`,
          'The certification division sends it to a fresh review by new reviewers or to the advisory board, and writes again with the outcome. Until then the decision is not final.',
        ],
        link: app,
      };
    case 'appeal-filed':
      return {
        subject: `Appeal filed: ${c.reference}`,
        lines: [
          `The applicant for ${ref} has appealed the decision (${OUTCOME_WORDS[p.appealedOutcome as Outcome]}).`,
          'Please route the appeal to a fresh review (new reviewers only) or to the board.',
        ],
        link: staff,
      };
    case 'appeal-outcome':
      return {
        subject: `The outcome of your appeal (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the advisory board has decided your appeal for ${c.institutionName}: ${OUTCOME_WORDS[p.outcome as Outcome]} (the decision appealed was ${OUTCOME_WORDS[p.appealedOutcome as Outcome]}).`,
          'This decision is final. Your growth report shows, for each IC Map indicator, where your program stands and the next level to aim for.',
        ],
        link: { label: 'Read the decision and your growth report', href: `${c.publicUrl}/applications/${c.applicationId}/growth-report` },
      };
    // Term and renewal, and reviewers' confirmation of a yearly update.
    case 'renewal-due':
      return {
        subject: `Your IASL designation's term ends ${due(p.termEndsAt, c.now)}: time to renew (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the designation of ${ref} ends ${due(p.termEndsAt, c.now)}. Renewal runs a new IC Map assessment and review, with your earlier years in view; start it from your application, and it must be decided before the term ends.`,
        ],
        link: app,
      };
    case 'designation-expired':
      return {
        subject: `Your IASL designation has expired (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the term of the designation of ${ref} ended on ${new Date(String(p.termEndsAt)).toUTCString()} without a renewal, so it has expired. You are welcome to apply again.`,
        ],
        link: app,
      };
    case 'progress-confirmation-requested':
      return {
        subject: `Please confirm a yearly progress update: ${c.reference}`,
        lines: [
          `The certification division asks you to confirm the yearly IC Map progress update of application ${c.reference}.`,
          'Confirm or dispute each indicator; a dispute needs a comment. If you have a conflict of interest, declare it instead.',
        ],
        link: { label: 'Open your assignments', href: `${c.publicUrl}/reviews` },
      };
    // Awards and the summit where they are presented (docs/DOMAIN.md, Awards and summit).
    case 'award-nomination-received':
      return {
        subject: `Award nomination received: ${c.reference}`,
        lines: [
          `Dear ${c.leaderName},`,
          `${p.nominatedByRole === 'staff' ? 'the IASL certification division has nominated' : 'IASL has received the nomination of'} ${c.institutionName} for the ${String(p.year)} IASL STEM leadership awards.`,
          'The advisory board scores every nomination and writes again when it has chosen the recipients.',
        ],
        link: awards,
      };
    case 'award-invitation':
      return {
        subject: `${String(p.award)}: you are invited to the IASL STEM Leadership Summit (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the IASL advisory board has selected you and ${c.institutionName} for the ${String(p.award)}.`,
          `The award is presented at the IASL STEM Leadership Summit on ${new Date(String(p.summitStartsAt)).toUTCString()}, ${String(p.summitPlace)}.`,
          `Please accept or decline the invitation ${due(p.rsvpBy, c.now)}.`,
        ],
        link: { label: 'Accept or decline the invitation', href: `${c.publicUrl}/awards` },
      };
    case 'award-rsvp-reminder':
      return {
        subject: `Reminder: please answer the summit invitation ${due(p.rsvpBy, c.now)} (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `we have not yet heard whether you will attend the IASL STEM Leadership Summit. Please accept or decline ${due(p.rsvpBy, c.now)}; after that the invitation is marked unanswered.`,
        ],
        link: { label: 'Accept or decline the invitation', href: `${c.publicUrl}/awards` },
      };
    case 'award-not-selected':
      return {
        subject: `${String(p.award)}: the board's selection (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `thank you for the nomination of ${c.institutionName} for the ${String(p.award)}. The advisory board has made its selection for ${String(p.year)}, and this year your program was not among the recipients.`,
          'Every nomination was read and scored against the same criteria, and the board was glad to see the work behind yours. Your designation stands as it was, and your program may be nominated again in a coming year.',
        ],
        link: awards,
      };
    case 'award-dates-changed':
      return {
        subject: `${String(p.award)}: the summit dates have changed (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `the IASL certification division has changed the dates of the ${String(p.award)}.`,
          `The IASL STEM Leadership Summit now starts ${new Date(String(p.summitStartsAt)).toUTCString().replace('GMT', 'UTC')}, ${String(p.summitPlace)}.`,
          `Please accept or decline the invitation ${due(p.rsvpBy, c.now)}; if you have answered already, your answer stands and you may still change it until then.`,
        ],
        link: { label: 'Your summit invitation', href: `${c.publicUrl}/awards` },
      };
    case 'designation-suspended':
      return {
        subject: `Your IASL standing is suspended (${c.reference})`,
        lines: [
          `Dear ${c.leaderName},`,
          `no yearly progress update for ${ref} has arrived since it was due on ${new Date(String(p.progressDueAt)).toUTCString()}, so the standing is suspended. Submitting the update reinstates it.`,
        ],
        link: app,
      };
  }
}
