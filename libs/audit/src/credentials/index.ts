export * from './document-loader';
export * from './credential-issuer';
export * from './open-badge';
export * from './verify-credential';
export * from './credential-list';
