// Nest 12 ships ESM only; @swc/jest transpiles @nestjs/* so CommonJS jest can load it (STACK.md §3.1).
const swc = ['@swc/jest', {
  module: { type: 'commonjs' },
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
}];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  testRegex: '.*\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  moduleNameMapper: {
    '^@cert/(domain|event-store|commands|projections|config|identity|mail|jobs|audit|privacy|testing)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 30000,
};
