/**
 * The import rules of docs/ARCHITECTURE.md, Folder tree, checked by `npm run lint`: no cycles, apps import libs only, and each lib
 * only the libs below it.
 */
const lib = (name) => `^libs/${name}/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two files are one; split them or move the shared piece.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'Apps are entry points: what two apps share lives in a lib.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      comment: 'Libs never reach into an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain imports nothing but itself (docs/ARCHITECTURE.md, Principles (the ten rules), rule 2).',
      from: { path: lib('domain'), pathNot: '\\.spec\\.ts$' },
      to: { pathNot: [lib('domain'), '^node_modules/typescript/'] },
    },
    {
      name: 'event-store-imports-nothing-of-ours',
      severity: 'error',
      comment: 'The log knows no domain: only its own code and the typed configuration its module reads.',
      from: { path: lib('event-store') },
      to: { path: '^libs/', pathNot: [lib('event-store'), lib('config')] },
    },
    {
      name: 'no-testing-in-production',
      severity: 'error',
      comment: 'libs/testing and */testing/ folders are for specs, the bench and dev scripts.',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '/testing/', '/testing-fixtures/', '^libs/testing/'] },
      to: { path: ['^libs/testing/', '/testing/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '^bench/results/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
