export * from './application/execute';
export * from './application/decide-application.command';
export * from './application/submit-survey.command';
export * from './application/assign-reviewers.command';
export * from './application/replace-overdue-reviewer.command';
export * from './commands.module';
export * from './notification/mark-notification-read.command';
