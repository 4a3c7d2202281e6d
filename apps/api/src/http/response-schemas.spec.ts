import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const GENERATOR = join(__dirname, '../../../../libs/contracts/response-schemas.mjs');

describe('the response schemas /docs loads', () => {
  it('are what the contracts generate now (after changing a contract type, run `npm run contracts:schemas`)', () => {
    const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  }, 60_000);
});
