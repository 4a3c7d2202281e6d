import { readFileSync } from 'node:fs';
import { OUT, generateResponseSchemas } from '../../../../libs/contracts/response-schemas';

describe('the response schemas /docs loads', () => {
  it('are what the contracts generate now (after changing a contract type, run `npm run contracts:schemas`)', () => {
    expect(JSON.parse(readFileSync(OUT, 'utf8'))).toEqual(generateResponseSchemas());
  }, 60_000);
});
