export * from './fixed-clock';
export * from './recording-mailer';
