import { readFileSync } from 'node:fs';

/**
 * CPU accounting from /proc (Linux): how much CPU a process used, and how busy the whole machine was, over an
 * interval. On a shared 2-core machine this tells a slow server from a starved one.
 */
const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of a process (all its threads), in ms; NaN when /proc is not there. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Busy and total CPU time of the machine, in ms (all cores). */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const v = cpu.split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

export type CpuWindow = { stop(): { seconds: number; cores: Record<string, number>; machineBusyCores: number; otherCores: number } };

/** Starts measuring; stop() gives each named process's CPU in cores (CPU-seconds per second) and what else ran. */
export function cpuWindow(pids: Record<string, number>): CpuWindow {
  const t0 = performance.now();
  const m0 = machineCpuMs();
  const p0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)]));
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const m1 = machineCpuMs();
      const cores = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (processCpuMs(pid) - p0[k]) / 1000 / seconds]));
      const machineBusyCores = (m1.busy - m0.busy) / 1000 / seconds;
      const ours = Object.values(cores).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
      return { seconds, cores, machineBusyCores, otherCores: Math.max(0, machineBusyCores - ours) };
    },
  };
}
