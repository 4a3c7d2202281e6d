import Database from 'better-sqlite3';
import { APPLICATION_STATUSES } from '@cert/domain';
import { ALL_PROJECTIONS, createSchema, staffQueue } from '@cert/projections';
import { FieldErrors, strictValidationPipe } from '../http/validation';
import { ListApplicationsQueryDto } from './list-applications.query';

const parse = (query: Record<string, string>) =>
  strictValidationPipe().transform(query, { type: 'query', metatype: ListApplicationsQueryDto }) as Promise<ListApplicationsQueryDto>;

describe('GET /applications?status=…', () => {
  it.each([...APPLICATION_STATUSES])('filters by %s', async (status) => {
    await expect(parse({ status })).resolves.toEqual(expect.objectContaining({ status }));
  });

  it('accepts every status the staff queue counts', async () => {
    const db = new Database(':memory:');
    createSchema(db, ALL_PROJECTIONS);
    const counted = Object.keys(staffQueue(db).counts);
    db.close();
    expect(counted).toContain('Appealed');
    for (const status of counted) await expect(parse({ status })).resolves.toEqual(expect.objectContaining({ status }));
  });

  it('refuses a status that does not exist', async () => {
    await expect(parse({ status: 'Nope' })).rejects.toBeInstanceOf(FieldErrors);
  });
});
