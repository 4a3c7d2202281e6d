export * from './user';
export * from './identity.store';
export * from './identity.module';
export * from './links';
export * from './lockout';
export * from './names';
export * from './password-strength';
