import { readFileSync } from 'node:fs';

/**
 * Where the time goes in a V8 .cpuprofile (node --cpu-prof): self time per function, and inclusive time of the
 * functions that matter most. Usage: node dist/bench/tools/cpuprofile-summary.js <file.cpuprofile> [top=25] [filter]
 * With filter "callers:NAME": who calls the function NAME, by the time spent in it (inclusive).
 * With filter "packages": self time summed by npm package, by folder of ours (dist:libs/x, dist:apps/x) and by node internals.
 * With filter "timeline": how busy the profiled thread was in each second of the profile (samples not "(idle)"), to
 * tell a thread that is the bound (busy all through a load) from one waiting on something else.
 */
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, topArg, filter] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = profile.timeDeltas.reduce((a, b) => a + b, 0);

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'nm:')
    .replace(/^.*\/dist\//, 'dist:');
const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  self.set(keyOf(n), (self.get(keyOf(n)) ?? 0) + us);
  // Inclusive: every distinct function on the stack gets the sample once.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = keyOf(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}

const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(totalUs / 1e6).toFixed(2)} s sampled)`);
  [...m]
    .filter(([k]) => !filter || filter === 'packages' || k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, us]) => console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`));
};
const packageOf = (url: string): string => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `npm ${nm[1]}`;
  const ours = /\/dist\/((?:libs|apps|bench)\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return 'node internals';
  return url ? url : '(native, GC, idle)';
};

if (filter === 'packages') {
  const byPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const k = n.callFrame.url ? packageOf(n.callFrame.url) : n.callFrame.functionName || '(native)';
    byPackage.set(k, (byPackage.get(k) ?? 0) + us);
  }
  print('self time by package', byPackage);
} else if (filter === 'timeline') {
  const seconds: { busy: number; all: number }[] = [];
  let at = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const s = (seconds[Math.floor(at / 1e6)] ??= { busy: 0, all: 0 });
    s.all += us;
    if (byId.get(id)!.callFrame.functionName !== '(idle)') s.busy += us;
  });
  console.log('second  busy');
  seconds.forEach((s, i) => console.log(`${String(i).padStart(6)}  ${s ? ((100 * s.busy) / s.all).toFixed(0).padStart(3) : '  -'}%`));
} else if (filter?.startsWith('callers:')) {
  const name = filter.slice('callers:'.length);
  const callers = new Map<string, number>();
  for (const [id, us] of selfUs) {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)!.callFrame.functionName !== name) continue;
      // the nearest caller frames, two levels, so anonymous wrappers still say where they are
      const p1 = parent.get(cur);
      const p2 = p1 === undefined ? undefined : parent.get(p1);
      const k = [p1, p2]
        .filter((x): x is number => x !== undefined)
        .map((x) => keyOf(byId.get(x)!))
        .join('  <-  ');
      callers.set(k, (callers.get(k) ?? 0) + us);
      break;
    }
  }
  const all = [...callers].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`callers of ${name}`);
  for (const [k, us] of all) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
} else {
  print('self time', self);
  print('inclusive time', inclusive);
}
