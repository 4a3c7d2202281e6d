/** Who receives a notification; the processor turns it into addresses (docs/DOMAIN.md, Notifications). */
export type Recipient = { kind: 'applicant' } | { kind: 'user'; userId: string } | { kind: 'staff' } | { kind: 'board' };

export const TEMPLATE_NAMES = [
  'nomination-received',
  'application-received',
  'nomination-to-claim',
  'assessment-invitation',
  'survey-not-accepted',
  'assessment-reminder',
  'deadline-extended',
  'assessment-received',
  'application-lapsed',
  'reviewer-assigned',
  'reviewer-reminder',
  'review-escalated',
  'decision',
  'progress-update-due',
  'designation-suspended',
  'appeal-received',
  'appeal-filed',
  'reviewer-released',
  'reviewers-needed',
  'decision-waiting',
  'adjudication-waiting',
  'appeal-outcome',
  'renewal-due',
  'designation-expired',
  'progress-confirmation-requested',
  'award-nomination-received',
  'award-invitation',
  'award-rsvp-reminder',
  'award-not-selected',
  'award-dates-changed',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type NotificationJob = {
  eventId: string;
  applicationId: string;
  template: TemplateName;
  recipient: Recipient;
  params: Record<string, unknown>;
};
