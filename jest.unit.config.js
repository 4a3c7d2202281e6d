// `npm run test:unit`: the fast tier (docs/ARCHITECTURE.md, Tests: where they live and how they run): every spec in
// libs/ and apps/ that needs no service: deciders, reactors, projections, the contract suites on SQLite. Redis and
// PostgreSQL suites (`*.redis.spec.ts`, `*.pg.spec.ts`) and test/ run in `npm test`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads its config files as CommonJS
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    '\\.redis\\.spec\\.ts$',
    '\\.pg\\.spec\\.ts$',
    '/libs/jobs/src/jobs\\.module\\.int\\.spec\\.ts$',
  ],
};
