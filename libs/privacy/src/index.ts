export * from './subject-keys';
export * from './sqlite.subject-keys';
export * from './field-cipher';
export * from './privacy.codec';
export * from './privacy.module';
export * from './erasure';
