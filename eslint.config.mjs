// One lint config for the whole monorepo (api, worker, cli, libs, web, tests, bench). Formatting is Prettier's job,
// so eslint-config-prettier switches off every stylistic rule; `npm run lint` runs both.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'bench/results/**', 'test/browser/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // vite.config.ts is in no tsconfig.json of its own; it is read with the options Vite resolves it by (ESM, bundler).
      parserOptions: {
        projectService: { allowDefaultProject: ['apps/web/vite.config.ts'], defaultProject: 'apps/web/tsconfig.node.json' },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      // `_name` marks what a signature or a destructuring must name but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Ports are async so that any adapter fits; the SQLite adapters answer synchronously inside them.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React calls event handlers and ignores what they return; a promise there is handled inside the handler.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Specs read untyped HTTP bodies (supertest's `body` is `any`) and hand methods to jest; typing every body would
    // add casts, not safety.
    files: ['**/*.spec.ts', 'test/**/*.ts', '**/testing/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.{js,cjs,mjs}'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
