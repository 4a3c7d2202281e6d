// Nest 12 ships ESM only; @swc/jest transpiles @nestjs/* (and the other ESM-only packages below) so CommonJS jest can load it.
const swc = [
  '@swc/jest',
  {
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  // The Verifiable Credentials libraries (Digital Bazaar, DCC) ship ESM only too.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@digitalbazaar|@digitalcredentials|base58-universal|base64url-universal)/)'],
  testRegex: '.*\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  moduleNameMapper: {
    '^@cert/(domain|event-store|commands|projections|config|identity|mail|jobs|audit|blob-store|privacy|work|testing|contracts|metrics)$':
      '<rootDir>/libs/$1/src',
  },
  testTimeout: 30000,
  // Every suite closes what it opens, but one handle (not yet found; it shows now and then, after every test has
  // passed) can keep jest from exiting, and a CI run that never ends fails. Results are final by then.
  forceExit: true,
};
