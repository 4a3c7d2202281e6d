import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { BullmqJobQueue, LocalJobQueue } from '@cert/jobs';
import { SqliteReadDb } from '@cert/projections';
import { FixedClock } from '@cert/testing';
import { mountQueuesDashboard, ResolveActor } from './queues-dashboard';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const resolveActor: ResolveActor = async (token) => ({ 'op-token': { role: 'operator' }, 'staff-token': { role: 'staff' } })[token] ?? null;

describe('mountQueuesDashboard', () => {
  let app: INestApplication;
  beforeEach(async () => {
    app = (await Test.createTestingModule({}).compile()).createNestApplication({ logger: false });
  });
  afterEach(() => app.close());

  it('serves bull-board for BullMQ at /admin/queues to operators only, refusing others as problem+json', async () => {
    const prefix = `test-${randomUUID()}`;
    const queue = await BullmqJobQueue.connect(url, new FixedClock(), { prefix });
    try {
      expect(await mountQueuesDashboard(app, queue, resolveActor)).toBe(true);
      await app.init();
      const http = request(app.getHttpServer());
      await http
        .get('/admin/queues')
        .expect(401)
        .expect('content-type', /application\/problem\+json/);
      await http.get('/admin/queues?token=op-token').expect(401);
      await http
        .get('/admin/queues')
        .set('Authorization', 'Bearer staff-token')
        .expect(403)
        .expect('content-type', /problem\+json/);
      await http.get('/admin/queues').set('Authorization', 'Bearer op-token').expect(200).expect('content-type', /html/);
      const api = await http.get('/admin/queues/api/queues').set('Authorization', 'Bearer op-token').expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['deadlines', 'notifications']);
    } finally {
      await queue.close();
      await deleteKeys(`${prefix}:*`);
    }
  });

  it('mounts nothing for the in-process queue', async () => {
    const readDb = SqliteReadDb.open(':memory:');
    const queue = new LocalJobQueue(readDb.db, new FixedClock());
    expect(await mountQueuesDashboard(app, queue, resolveActor)).toBe(false);
    await app.init();
    await request(app.getHttpServer()).get('/admin/queues').set('Authorization', 'Bearer op-token').expect(404);
    await queue.close();
    readDb.close();
  });
});

/** bull-board writes queue metadata while it reads; leave the shared Redis as it was. */
async function deleteKeys(match: string) {
  const redis = new Redis(url);
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match })) keys.push(...(batch as string[]));
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
