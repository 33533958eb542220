/**
 * CPU time of a process and of its children (the model worker), from /proc (Linux): on a shared
 * machine, CPU milliseconds per request say what a request costs whatever else is running;
 * req/s and latency depend on what the other processes leave.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of `pid`, in ms; NaN where /proc is absent. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Direct children of `pid`. */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  let names: string[];
  try {
    names = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const stat = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(n));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU ms of the server and of its children so far. */
export function serverCpu(pid: number): { server: number; children: number } {
  return { server: cpuMs(pid), children: childPids(pid).reduce((s, c) => s + cpuMs(c), 0) };
}
