export * from './execute-award';
export * from './decide-award-cycle.command';
export * from './nominate-for-award.command';
export * from './score-nomination.command';
export * from './respond-to-summit-invitation.command';
export * from './award-handlers';
