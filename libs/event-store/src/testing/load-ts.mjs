// Lets a plain `node` child process require the real TypeScript sources, so the multi-process specs
// exercise the adapter itself rather than a copy of its SQL. Dev-only: transpiles with @swc/core on load.
// Import it first; the sources then load through a `createRequire` require, since only the CommonJS loader runs
// these hooks.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

createRequire(import.meta.url).extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformFileSync(filename, {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@cert\/([^/]+)(\/.*)?$/.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolve.call(this, target, ...rest);
};
