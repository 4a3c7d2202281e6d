import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// docs/ARCHITECTURE.md, Principles (the ten rules), rule 2: deciders are pure. Specs and fixtures may use jest and
// fs; production files may not.
const productionFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return productionFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]@nestjs\//, 'imports a Nest package'],
  [/from ['"]@cert\/(?!domain)/, 'imports another @cert library'],
  [/from ['"](node:)?(fs|path|crypto|http|https|net|child_process|os|process|worker_threads)['"]/, 'imports node I/O'],
  [/from ['"](better-sqlite3|bullmq|ioredis|@eventstore\/db-client|nodemailer)['"]/, 'imports an infrastructure library'],
  [/\bDate\.now\s*\(/, 'reads the clock'],
  [/new Date\(\s*\)/, 'reads the clock'],
  [/\bprocess\.(env|hrtime)/, 'reads the process environment'],
  [/\bMath\.random\s*\(/, 'uses unseeded randomness'],
];

describe('libs/domain purity', () => {
  const files = productionFiles(__dirname);

  it('finds the domain sources', () => expect(files.length).toBeGreaterThan(10));

  it.each(files.map((f) => [relative(__dirname, f), f]))('%s imports no framework, no I/O and reads no clock', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const offences = FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, why]) => why);
    expect(offences).toEqual([]);
  });

  it('would catch a file that reads the clock', () => {
    const offences = FORBIDDEN.filter(([pattern]) => pattern.test('const t = Date.now();')).map(([, why]) => why);
    expect(offences).toEqual(['reads the clock']);
  });
});
