export * from './subject-keys';
export * from './sqlite.subject-keys';
export * from './field-cipher';
export * from './private.event-store';
export * from './privacy.module';
export * from './erasure';
export * from './record-of-reasons';
export * from './record-retention';
