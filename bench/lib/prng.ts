/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Words from a fixed vocabulary until the text is `length` characters long. */
  text(length: number): string {
    let out = this.pick(WORDS);
    while (out.length < length) out += ' ' + this.pick(WORDS);
    return out.slice(0, length);
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(10));
    return out;
  }
}

/** A seed from (key, step): the same application and step always get the same payload, whatever ran before. */
export function seedFor(key: number, step: number, salt = 0x9e3779b9): number {
  let h = (salt ^ Math.imul(key + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ Math.imul(step + 1, 0x27d4eb2f)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x165667b1) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

export const prngFor = (key: number, step: number, salt?: number) => new Prng(seedFor(key, step, salt));

const WORDS = [
  'robotics',
  'coding',
  'fab',
  'lab',
  'students',
  'teachers',
  'program',
  'science',
  'maths',
  'engineering',
  'mentors',
  'district',
  'outreach',
  'girls',
  'club',
  'after-school',
  'projects',
  'design',
  'data',
  'lessons',
  'partners',
  'community',
  'leaders',
  'grade',
  'budget',
  'equipment',
  'makerspace',
  'curriculum',
  'the',
  'and',
  'with',
  'for',
  'each',
  'term',
  'summer',
  'camp',
  'families',
  'evidence',
  'survey',
  'results',
] as const;
