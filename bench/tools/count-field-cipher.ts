import { join } from 'node:path';

/**
 * Preloaded (node -r dist/bench/tools/count-field-cipher.js …): counts the personal-field encryptions and decryptions
 * the process makes, and prints them on exit. A deterministic count where a timing would drown in this machine's
 * drift, e.g. `node -r ./dist/bench/tools/count-field-cipher.js dist/bench/run.js --quick --only=inproc`.
 */
// Compiled to CommonJS: callers reach these functions through the module's exports object, so wrapping them there counts every call.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS exports object itself, to patch (see above)
const cipher = require(join(__dirname, '..', '..', 'libs', 'privacy', 'src', 'field-cipher.js')) as Record<
  string,
  (...args: unknown[]) => unknown
>;
const counts = { encryptField: 0, decryptField: 0 };
for (const name of Object.keys(counts) as (keyof typeof counts)[]) {
  const original = cipher[name];
  cipher[name] = (...args: unknown[]) => {
    counts[name]++;
    return original(...args);
  };
}
process.on('exit', () =>
  process.stderr.write(`field cipher calls: ${counts.encryptField} encryptions, ${counts.decryptField} decryptions\n`),
);
