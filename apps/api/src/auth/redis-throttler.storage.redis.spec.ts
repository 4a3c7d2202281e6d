import { randomUUID } from 'node:crypto';
import { Controller, Get, INestApplication, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import request from 'supertest';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

@Controller('ping')
@UseGuards(ThrottlerGuard)
class PingController {
  @Get()
  ping() {
    return { ok: true };
  }
}

/** One api replica: the throttler guarding a route, its counters in Redis under the given prefix. */
async function replica(prefix: string, limit: number): Promise<INestApplication> {
  const storage = await RedisThrottlerStorage.connect(REDIS_URL, prefix);
  const module = await Test.createTestingModule({
    imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'default', limit, ttl: 60_000 }], storage })],
    controllers: [PingController],
  }).compile();
  const app = module.createNestApplication();
  await app.init();
  return app;
}

describe('RedisThrottlerStorage: one rate limit across api replicas', () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('given a limit of 3 a minute on two replicas, when a client calls each twice, then its fourth call is refused', async () => {
    const prefix = `test-${randomUUID()}`;
    const [a, b] = await Promise.all([replica(prefix, 3), replica(prefix, 3)]);
    apps.push(a, b);
    await request(a.getHttpServer()).get('/ping').expect(200);
    await request(b.getHttpServer()).get('/ping').expect(200);
    await request(a.getHttpServer()).get('/ping').expect(200);
    const refused = await request(b.getHttpServer()).get('/ping').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Blocked on both replicas now, not only on the one that counted past the limit.
    await request(a.getHttpServer()).get('/ping').expect(429);
  });

  it('given replicas of two deployments (two prefixes) on one Redis, then each counts only its own calls', async () => {
    const [a, b] = await Promise.all([replica(`test-${randomUUID()}`, 1), replica(`test-${randomUUID()}`, 1)]);
    apps.push(a, b);
    await request(a.getHttpServer()).get('/ping').expect(200);
    await request(b.getHttpServer()).get('/ping').expect(200);
    await request(a.getHttpServer()).get('/ping').expect(429);
  });

  it('counts hits, then blocks past the limit and says for how long, as the in-memory storage does', async () => {
    const storage = await RedisThrottlerStorage.connect(REDIS_URL, `test-${randomUUID()}`);
    try {
      const hit = () => storage.increment('client', 60_000, 2, 30_000, 'default');
      await expect(hit()).resolves.toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
      const second = await hit();
      expect(second).toMatchObject({ totalHits: 2, isBlocked: false });
      expect(second.timeToExpire).toBeGreaterThan(55);
      const third = await hit();
      expect(third).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 30 });
      await expect(hit()).resolves.toMatchObject({ isBlocked: true });
    } finally {
      storage.onApplicationShutdown();
    }
  });
});
