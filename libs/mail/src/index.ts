export * from './mailer';
export * from './outbox.mailer';
export * from './smtp.mailer';
export * from './mail.module';
