import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/**
 * One hit, atomically (a script runs alone on the server): while the block key lives, the caller is blocked; else
 * count the hit in a window that starts with its first hit, and past the limit block for the block duration and
 * start the count afresh, as the in-memory storage does once a block ends.
 * KEYS: the hit counter, the block. ARGV: window ms, limit, block ms. Returns hits, window ms left, blocked, block ms left.
 */
const HIT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(ARGV[2]) + 1, blocked, 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * docs/ARCHITECTURE.md, Distributed: the rate limits' counters in Redis, so every api replica counts against one
 * limit rather than each its own. The embedded default (no REDIS_URL) keeps @nestjs/throttler's in-memory storage.
 * Written here rather than taken from a package: the one published for this (@nest-lab/throttler-storage-redis)
 * declares NestJS up to 11 as its peer, and this project runs 12.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static async connect(url: string, prefix: string): Promise<RedisThrottlerStorage> {
    const { Redis } = await import('ioredis');
    // A sign-in while Redis is away fails after a few tries instead of waiting for it indefinitely.
    const redis = new Redis(url, { maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself; while it cannot, each rate-limited request fails with the error (a 500, logged).
    redis.on('error', () => {});
    return new RedisThrottlerStorage(redis, prefix);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // One hash slot for both keys (the braces), so the script also runs on a Redis cluster.
    const base = `${this.prefix}:throttler:{${throttlerName}:${key}}`;
    const block = blockDuration > 0 ? blockDuration : ttl;
    const [hits, left, blocked, blockLeft] = (await this.redis.eval(
      HIT,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      ttl,
      limit,
      block,
    )) as number[];
    return { totalHits: hits, timeToExpire: seconds(left), isBlocked: blocked === 1, timeToBlockExpire: seconds(blockLeft) };
  }

  /** Nothing to flush: a counter lost with the connection only lets a client in a little early. */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
