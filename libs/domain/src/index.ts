export * from './decider';
export * from './errors';
export * from './refusals';
export * from './time';
export * from './rubric/rubric';
export * from './rubric/rubric-catalog';
export * from './decision/decision-policy';
export * from './decision/policy-catalog';
export * from './decision/recommend';
export * from './review/assign-reviewers';
export * from './application/application.types';
export * from './application/application.events';
export * from './application/application.commands';
export * from './application/application.state';
export * from './application/application.decider';
export { referenceFor } from './application/decide/intake';
export { applicationFull, evidenceAllowance, fileTooLarge, typeNotAllowed } from './application/decide/evidence';
export * from './evidence/evidence-policy';
export * from './evidence/file-name';
export { retentionStartedBy } from './application/decide/retention';
export { icMapV1 } from './rubric/ic-map.v1';
export * from './notification/notification';
export * from './privacy/personal-data';
export * from './privacy/subject';
export * from './checkpoint/checkpoint';
export * from './upcasting/upcasters';
export * from './review/reviewer.decider';
export * from './review/review-cycle.decider';
export * from './review/blind-review';
export * from './award/award';
export * from './directory/directory-listing.types';
export * from './directory/directory-listing.decider';
export type {
  Describe,
  EventShape,
  EventSpec,
  EventTable,
  Names,
  References,
  PersonalFieldOf,
  SentenceContext,
  TextPath,
  Upcaster,
} from './events/event-spec';
export * from './events/event-registry';
export { OUTCOME_NAMES, ROLE_NAMES, engineName } from './events/words';
export * from './application/application.registry';
export * from './application/application-status';
export * from './review/reviewer.registry';
export * from './review/review-cycle.registry';
export * from './directory/directory-listing.registry';
export * from './notification/notification.registry';
export * from './privacy/subject.registry';
export * from './checkpoint/checkpoint.registry';
export * from './account/account';
export * from './account/account.registry';
export * from './credential/credential';
export * from './credential/credential.registry';
