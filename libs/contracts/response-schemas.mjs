// @ts-check
/**
 * Writes the JSON schema of every body the api answers (`ResponseBodies` in src/api.ts) to the file /docs loads at
 * boot. Run it after changing a contract type: `npm run contracts:schemas`. With `--check` it writes nothing and fails
 * while the committed file is stale (apps/api/src/http/response-schemas.spec.ts runs it so).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createGenerator } from 'ts-json-schema-generator';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const OUT = here('../../apps/api/src/http/response-schemas.json');

/** OpenAPI component names allow letters, digits, `.`, `-` and `_` only (`RefusalOf<"NotFound">` → `RefusalOf_NotFound`). */
const componentName = (name) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');

/** Definitions become components: each `#/definitions/X` reference points to `#/components/schemas/X`. */
const relink = (value) => {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/definitions/')
        ? [key, `#/components/schemas/${componentName(decodeURIComponent(inner.slice('#/definitions/'.length)))}`]
        : [key, relink(inner)],
    ),
  );
};

const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** The schemas, as the api's OpenAPI components: every type the bodies use, each body under its own name. */
function generateResponseSchemas() {
  const schema = createGenerator({
    path: here('src/api.ts'),
    tsconfig: here('tsconfig.schemas.json'),
    type: 'ResponseBodies',
    encodeRefs: false,
  }).createSchema('ResponseBodies');
  const { ResponseBodies: bodies, ...definitions } = schema.definitions ?? {};
  // A route names its body, so each body must be the definition of that name: /docs refers to it by the name alone.
  for (const [name, body] of Object.entries(/** @type {{ properties: Record<string, { $ref?: string }> }} */ (bodies).properties)) {
    if (body.$ref !== `#/definitions/${name}`) throw new Error(`ResponseBodies.${name} must be the type named ${name}`);
  }
  return sorted(Object.fromEntries(Object.entries(definitions).map(([name, definition]) => [componentName(name), relink(definition)])));
}

const schemas = generateResponseSchemas();
if (!process.argv.includes('--check')) {
  writeFileSync(OUT, `${JSON.stringify(schemas, null, 2)}\n`);
} else if (!isDeepStrictEqual(JSON.parse(readFileSync(OUT, 'utf8')), schemas)) {
  console.error(`${OUT} is stale: the contract types changed since it was written. Run \`npm run contracts:schemas\` and commit it.`);
  process.exit(1);
}
